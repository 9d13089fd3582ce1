import { describe, expect, it } from 'vitest';
import { SerialJob } from '../../../src-main/files/serial-job';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a background job that runs one pass at a time', () => {
  it('never runs two passes at once, and runs one more for kicks during a pass', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const job = new SerialJob(async () => {
      running += 1;
      most = Math.max(most, running);
      passes += 1;
      await tick(20);
      running -= 1;
      return undefined;
    });
    job.kick();
    job.kick();
    job.kick();
    await tick(5);
    await job.idle();
    await tick(5);
    await job.idle();
    expect(most).toBe(1);
    expect(passes).toBe(2);
    job.stop();
  });

  it('runs again when a pass asks to, and not after it is stopped', async () => {
    let passes = 0;
    const job = new SerialJob(async () => {
      passes += 1;
      return passes < 3 ? 10 : undefined;
    });
    job.kick();
    await tick(100);
    expect(passes).toBe(3);
    job.kick();
    job.stop();
    job.kick();
    await tick(30);
    expect(passes).toBe(4);
  });
});
