import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which signals an element gives; each can be turned off by the page. */
export interface NotifierSettings {
  /** A short tone made with Web Audio. */
  sound: boolean;
  /** The tab title alternates with `notice.titleText` until the page is looked at again. */
  titleFlash: boolean;
  /** A browser notification, when the user has allowed them. */
  browser: boolean;
  /** The `highlight` attribute on the element for a few seconds. */
  highlight: boolean;
}

export interface InboundNotice {
  /** The notification's title: who wrote. */
  title: string;
  /** The notification's text: what they wrote. */
  body: string;
  /** The text the tab title alternates with. */
  titleText: string;
  /** Replaces an earlier notification with the same tag (a conversation id). */
  tag?: string;
}

export interface NotifierOptions {
  settings: () => NotifierSettings;
  /** How long the element stays highlighted once the page is looked at. @default 4000 */
  highlightMs?: number;
  /** The user clicked the browser notification (the page is focused first). */
  onNotificationClick?: () => void;
}

/** True when the reader can see the page: the tab is visible and the window has focus. */
export function pageAttended(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

let audio: AudioContext | undefined;

function audioContext(): AudioContext | undefined {
  if (audio) return audio;
  const Context = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return undefined;
  try {
    audio = new Context();
  } catch {
    return undefined;
  }
  return audio;
}

/** Two short notes, made on the spot: no sound file is fetched. */
function playTone(): void {
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

/** One title flasher for the page, whatever the number of elements notifying. */
const title = {
  original: null as string | null,
  text: '',
  timer: undefined as ReturnType<typeof setInterval> | undefined,

  flash(text: string): void {
    this.text = text;
    if (this.timer !== undefined) return;
    this.original = document.title;
    document.title = text;
    this.timer = setInterval(() => {
      document.title = document.title === this.text ? (this.original ?? '') : this.text;
    }, 1000);
    window.addEventListener('focus', stopWhenAttended);
    document.addEventListener('visibilitychange', stopWhenAttended);
  },

  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    document.title = this.original ?? document.title;
    this.original = null;
    window.removeEventListener('focus', stopWhenAttended);
    document.removeEventListener('visibilitychange', stopWhenAttended);
  },
};

function stopWhenAttended(): void {
  if (pageAttended()) title.stop();
}

/**
 * Tells the reader about an inbound message while they are not looking at the page (the tab is hidden or the
 * window is not focused): a tone made with Web Audio, the tab title flashing until the page is focused again, a
 * browser notification (permission is asked only by `requestPermission()`, which must run in a user gesture such as
 * a click), and the host highlighted (`highlight` attribute) for a few seconds. Each signal follows `settings()`;
 * the element decides what deserves a notice (not a muted conversation).
 *
 * @example
 * private readonly notifier = new NotifierController(this, { settings: () => ({ sound: !this.noSound, ... }) });
 * if (!conversation.muted) this.notifier.notify({ title: 'Bob Smith', body: message.body, titleText: 'New message' });
 */
export class NotifierController implements ReactiveController {
  private highlightTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly highlightMs: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: NotifierOptions,
  ) {
    this.highlightMs = options.highlightMs ?? 4000;
    host.addController(this);
  }

  hostConnected(): void {
    // Browsers start audio only after a user gesture: the first one inside the element unlocks the tone.
    this.host.addEventListener('pointerdown', this.unlockAudio);
    this.host.addEventListener('keydown', this.unlockAudio);
    window.addEventListener('focus', this.onAttended);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.unlockAudio);
    this.host.removeEventListener('keydown', this.unlockAudio);
    window.removeEventListener('focus', this.onAttended);
    clearTimeout(this.highlightTimer);
    this.host.removeAttribute('highlight');
    title.stop();
  }

  /** `granted`, `denied`, `default` (not asked yet) or `unsupported` (no Notification API). */
  get permission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  /** Asks for permission to show browser notifications. Call it from a click or a key press only. */
  async requestPermission(): Promise<NotificationPermission | 'unsupported'> {
    if (typeof Notification === 'undefined') return 'unsupported';
    const answer = await Notification.requestPermission();
    this.host.requestUpdate();
    return answer;
  }

  /** Gives the enabled signals, unless the reader is looking at the page. Returns whether it notified. */
  notify(notice: InboundNotice): boolean {
    if (pageAttended()) return false;
    const settings = this.options.settings();
    if (settings.sound) playTone();
    if (settings.titleFlash) title.flash(notice.titleText);
    if (settings.browser && this.permission === 'granted') this.showNotification(notice);
    if (settings.highlight) {
      clearTimeout(this.highlightTimer);
      this.host.setAttribute('highlight', '');
      this.highlightTimer = setTimeout(() => this.host.removeAttribute('highlight'), this.highlightMs);
    }
    return true;
  }

  private showNotification(notice: InboundNotice): void {
    try {
      const notification = new Notification(notice.title, { body: notice.body, ...(notice.tag && { tag: notice.tag }) });
      notification.onclick = () => {
        window.focus();
        notification.close();
        this.options.onNotificationClick?.();
      };
    } catch {
      // Some browsers allow notifications only from a service worker: the other signals still work.
    }
  }

  private readonly unlockAudio = (): void => {
    if (!this.options.settings().sound) return;
    const context = audioContext();
    if (context?.state === 'suspended') void context.resume().catch(() => undefined);
  };

  /** The reader is back: the highlight lasts a few more seconds from now, so that they see it. */
  private readonly onAttended = (): void => {
    if (!this.host.hasAttribute('highlight')) return;
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => this.host.removeAttribute('highlight'), this.highlightMs);
  };
}
