/** The people, numbers and words of the demo organisation: an Australian company on a cloud PBX. */

export const DEMO_SETTINGS = {
  defaultCountry: 'AU',
  shortCode: '0481025',
  keywordPrefix: 'ACME',
  currency: 'AUD',
  rate: 5,
  chargePer: 'segment',
  /** Campaign throughput in segments per second once seeded (history is written without a limit). */
  segmentsPerSecond: 20,
} as const;

export const DEMO_DEPARTMENTS = [
  { key: 'sales', name: 'Sales', costCode: 'CC-1001', alphaTags: ['ACME'] },
  { key: 'support', name: 'Support', costCode: 'CC-2002', alphaTags: ['ACME-HELP'] },
] as const;

export const DEMO_EXTENSIONS = [
  { key: 'x201', number: '201', name: 'Alice Nguyen', department: 'sales' },
  { key: 'x202', number: '202', name: 'Ben Carter', department: 'sales' },
  { key: 'x203', number: '203', name: 'Chloe Martin', department: 'support' },
  { key: 'x204', number: '204', name: 'Chloe Martin (after hours)', department: 'support' },
  { key: 'x205', number: '205', name: 'Dev Patel', department: 'support' },
] as const;

/** The demo organisation's administrator (IT), who manages numbers, lists and the blocklist and never sends. */
export const DEMO_ADMIN = { name: 'Morgan Lee', email: 'morgan@acme.example' } as const;

export const DEMO_USERS = [
  { key: 'alice', name: 'Alice Nguyen', email: 'alice@acme.example', role: 'user', department: 'sales', extensions: ['x201'] },
  { key: 'ben', name: 'Ben Carter', email: 'ben@acme.example', role: 'user', department: 'sales', extensions: ['x202'] },
  { key: 'chloe', name: 'Chloe Martin', email: 'chloe@acme.example', role: 'user', department: 'support', extensions: ['x203', 'x204'] },
  { key: 'dev', name: 'Dev Patel', email: 'dev@acme.example', role: 'user', department: 'support', extensions: ['x205'] },
] as const;

/** The sales line is a group number: Alice and Ben both see its conversations. Chloe has two numbers. */
export const DEMO_NUMBERS = [
  { key: 'sales', e164: '+61480000101', label: 'Sales line', extensions: ['x201', 'x202'] },
  { key: 'support', e164: '+61480000102', label: 'Support', extensions: ['x203'] },
  { key: 'afterHours', e164: '+61480000103', label: 'After hours', extensions: ['x204'] },
  { key: 'dev', e164: '+61480000104', label: 'Dev direct', extensions: ['x205'] },
] as const;

export const DEMO_CONTACTS = [
  { name: 'Bob Smith', company: 'Smith Plumbing', numbers: [{ e164: '+61412345678', label: 'Mobile' }, { e164: '+61298765432', label: 'Work' }] },
  { name: 'Karen Adams', company: '', numbers: [{ e164: '+61423456789', label: 'Home' }] },
  { name: 'Harbour Dental', company: 'Harbour Dental', numbers: [{ e164: '+61434567890', label: 'Reception' }] },
  { name: 'Mia Wong', company: 'Wong & Co', numbers: [{ e164: '+61455678901', label: 'Mobile' }] },
] as const;

export const DEMO_FIRST_NAMES = ['Olivia', 'Jack', 'Charlotte', 'Noah', 'Amelia', 'William', 'Isla', 'Oliver', 'Mia', 'Leo', 'Ava', 'Lucas', 'Grace', 'Henry', 'Zoe', 'Thomas'];
export const DEMO_SUBURBS = ['Bondi', 'Parramatta', 'Manly', 'Newtown', 'Chatswood', 'Cronulla', 'Penrith', 'Surry Hills'];

/** A demo recipient's mobile: a valid Australian mobile (+61 41x xxx xxx), distinct for each index below 10 million. */
export function demoMobile(index: number): string {
  return `+6141${String(index % 10_000_000).padStart(7, '0')}`;
}

/** Conversations with history: who writes to which demo number, and what was said (in: them, out: us). */
export const DEMO_THREADS = [
  {
    number: 'sales', peer: '+61412345678', sender: 'alice', daysAgo: 3,
    lines: [
      ['in', 'Hi, is the quote for the kitchen renovation ready?'],
      ['out', 'Hi Bob, yes! I\'ll email it this afternoon.'],
      ['in', 'Great, thanks. Can we do Thursday for the site visit?'],
      ['out', 'Thursday 10am works. See you then.'],
      ['in', 'Perfect 👍'],
    ],
  },
  {
    number: 'sales', peer: '+61423456789', sender: 'ben', daysAgo: 1,
    lines: [
      ['in', 'Do you deliver to Manly?'],
      ['out', 'We do, free over $200.'],
      ['in', 'Ok I\'ll place the order tonight'],
    ],
  },
  {
    number: 'sales', peer: '+61456789012', sender: 'alice', daysAgo: 0,
    lines: [
      ['in', 'Hello, I got a missed call from this number?'],
      ['in', 'Who is this please'],
    ],
  },
  {
    number: 'support', peer: '+61434567890', sender: 'chloe', daysAgo: 2,
    lines: [
      ['in', 'Our phones are down at reception, can someone call?'],
      ['out', 'Calling you now.'],
      ['in', 'Thanks, all working again.'],
      ['out', 'Great — closing the ticket. Reply if anything else comes up.'],
    ],
  },
  {
    number: 'afterHours', peer: '+61455678901', sender: 'chloe', daysAgo: 0,
    lines: [
      ['in', 'Urgent: the <b>alarm</b> panel shows "fault" — what do I do?'],
    ],
  },
  {
    number: 'dev', peer: '+61467890123', sender: 'dev', daysAgo: 5,
    lines: [
      ['out', 'Your replacement handset ships today.'],
      ['in', 'Thank you!'],
    ],
  },
] as const;
