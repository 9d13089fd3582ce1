// s3rver in a process of its own (`tsx tests/support/s3rver-process.ts [bucket]`), for measuring a
// relay and a bare client that must not share an event loop with the S3 server. Prints one line,
// `s3rver listening on ENDPOINT bucket BUCKET`, and stops on SIGTERM.
import { startS3rver } from './s3rver';

const s3 = await startS3rver(process.argv[2] ?? 'fieldbook-test');
process.stdout.write(`s3rver listening on ${s3.endpoint} bucket ${s3.bucket}\n`);
const stop = () => void s3.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
