/**
 * The signals of NotifierController (notifications.ts) that only an inbound message needs: the tone, the tab title
 * flashing and the browser notification. Loaded on demand, with the first notice that asks for one of them.
 */
import { audioContext, pageAttended, type InboundNotice } from './notifications.js';

/** Two short notes, made on the spot: no sound file is fetched. */
export function playTone(): void {
  const context = audioContext();
  if (!context) return;
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  const now = context.currentTime;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(880, now);
  oscillator.frequency.setValueAtTime(660, now + 0.12);
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.12, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.3);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(now);
  oscillator.stop(now + 0.32);
}

// One title flasher for the page, whatever the number of elements notifying.
let originalTitle = '';
let flashText = '';
let flashTimer: ReturnType<typeof setInterval> | undefined;

function stopWhenAttended(): void {
  if (pageAttended()) stopTitleFlash();
}

/** Alternates the tab title with `text` until the page is looked at again (or `stopTitleFlash()`). */
export function flashTitle(text: string): void {
  flashText = text;
  if (flashTimer !== undefined) return;
  originalTitle = document.title;
  document.title = text;
  flashTimer = setInterval(() => {
    document.title = document.title === flashText ? originalTitle : flashText;
  }, 1000);
  window.addEventListener('focus', stopWhenAttended);
  document.addEventListener('visibilitychange', stopWhenAttended);
}

/** Stops the title flashing and puts the page's own title back. */
export function stopTitleFlash(): void {
  if (flashTimer === undefined) return;
  clearInterval(flashTimer);
  flashTimer = undefined;
  document.title = originalTitle;
  window.removeEventListener('focus', stopWhenAttended);
  document.removeEventListener('visibilitychange', stopWhenAttended);
}

/** A browser notification (permission already granted); a click on it focuses the page. */
export function showNotification(notice: InboundNotice): void {
  try {
    const notification = new Notification(notice.title, { body: notice.body, ...(notice.tag && { tag: notice.tag }) });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Some browsers allow notifications only from a service worker: the other signals still work.
  }
}
