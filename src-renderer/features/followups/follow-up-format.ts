import type { FollowUpListKind, FollowUpPreset, FollowUpPriority, FollowUpStanding } from '../../../src-shared/domain/follow-up';

export const viewLabels: Record<FollowUpListKind, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  upcoming: 'Upcoming',
  done: 'Done',
};

export const priorityLabels: Record<FollowUpPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
};

export const standingLabels: Record<FollowUpStanding, string> = {
  ok: 'On track',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  done: 'Done',
};

export const presetLabels: Record<FollowUpPreset, string> = {
  in_30_minutes: 'In 30 minutes',
  in_2_hours: 'In 2 hours',
  tomorrow_9: 'Tomorrow 9:00',
  next_monday_9: 'Next Monday 9:00',
};
