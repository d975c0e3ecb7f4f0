// Registers every element: the side-effect file behind `import 'pbx-sms/components'`.
// One line per element, its `sms-*.ts` registration file; defining twice is a no-op, so order does not matter.
import './segment-counter/sms-segment-counter.js';
import './provider/sms-provider.js';
