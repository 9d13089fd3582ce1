import type { UpgradeStep } from '../../../src-shared/ipc/privacy';
import { ProgressBar } from '../../ui/ProgressBar';
import { useUpgradeProgress } from './hooks';
import './UpgradeProgress.css';

// What an upgrade does once on data of an earlier version, while the person may be waiting
// (src-main/privacy/upgrade-progress.ts): shown on the lock screen and over the app until done.

const words: Record<UpgradeStep['step'], { label: string; phase: string; what: string }> = {
  'encrypting-files': {
    label: 'Encrypting stored files',
    phase: 'Encrypting the files stored before this version…',
    what: 'files',
  },
  'rekeying-rows': {
    label: 'Preparing tags for encryption',
    phase: 'Preparing tags and list items for end-to-end encryption…',
    what: 'rows',
  },
};

export function UpgradeProgress({ placement }: { placement: 'lock-screen' | 'app' }) {
  const steps = useUpgradeProgress();
  if (steps.length === 0) return null;
  return (
    <section className={`upgrade-progress upgrade-progress--${placement}`} aria-label="Upgrade in progress">
      {steps.map((step) => {
        const { label, phase, what } = words[step.step];
        return (
          <ProgressBar
            key={step.step}
            label={label}
            phase={phase}
            done={step.done}
            total={step.total}
            counts={step.total > 0 ? `${step.done.toLocaleString()} of ${step.total.toLocaleString()} ${what}` : 'Counting…'}
          />
        );
      })}
      <p className="upgrade-progress__note muted">
        {steps.some((step) => step.step === 'rekeying-rows')
          ? 'Changes wait until this is done. If Fieldbook is closed, it carries on at the next start.'
          : 'Fieldbook can be used meanwhile. If it is closed, it carries on at the next start.'}
      </p>
    </section>
  );
}
