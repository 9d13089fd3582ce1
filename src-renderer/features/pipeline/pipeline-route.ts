// The pipeline screen's part of the hash route: #/pipeline, #/pipeline/<id>, #/pipeline/<id>/list
// and #/pipeline/<id>/numbers. src-renderer/routes.ts delegates to these two functions, so the
// screen owns its address without the router knowing its views.

export const pipelineViews = ['board', 'list', 'numbers'] as const;
export type PipelineView = (typeof pipelineViews)[number];

export interface PipelineLocation {
  /** Absent: the first pipeline. */
  pipelineId?: string;
  view: PipelineView;
}

/** `parts` are the decoded hash segments after "pipeline". */
export function parsePipelinePath(parts: readonly string[]): PipelineLocation {
  const [pipelineId, view] = parts;
  const known = pipelineViews.find((candidate) => candidate === view) ?? 'board';
  return pipelineId ? { pipelineId, view: known } : { view: 'board' };
}

export function pipelineHash(location: { pipelineId?: string; view?: PipelineView }): string {
  if (!location.pipelineId) return '#/pipeline';
  const view = location.view && location.view !== 'board' ? `/${location.view}` : '';
  return `#/pipeline/${encodeURIComponent(location.pipelineId)}${view}`;
}
