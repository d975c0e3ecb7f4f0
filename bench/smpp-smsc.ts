// The fake SMSC of the tests in a process of its own (forked by bench/smpp.bench.ts), so that it does not share the
// bench's event loop: it sends its port, counts the submits it took when asked, and exits when told to close.
import { createFakeSmsc } from '../test/fixtures/fake-smsc.js';

const fake = await createFakeSmsc({ receipts: 'none' });
process.send!({ port: fake.port });
process.on('message', async (message: { type: string }) => {
  if (message.type === 'count') process.send!({ submits: fake.submits.length });
  if (message.type === 'close') {
    await fake.close();
    process.exit(0);
  }
});
