import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazy } from './lazy.js';

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

/** How long the element stays highlighted once the page is looked at again, in milliseconds. */
const HIGHLIGHT_MS = 4000;

/** True when the reader can see the page: the tab is visible and the window has focus. */
export function pageAttended(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

let audio: AudioContext | undefined;

/** The page's one audio context, made on first use (in a user gesture, so that browsers let it play). */
export function audioContext(): AudioContext | undefined {
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

/** The tone, the title flashing and the browser notification: loaded on the first notice that needs them. */
const signals = lazy(() => import('./notification-signals.js'));

/**
 * Tells the reader about an inbound message while they are not looking at the page (the tab is hidden or the
 * window is not focused): a tone made with Web Audio, the tab title flashing until the page is focused again, a
 * browser notification (permission is asked only by `requestPermission()`, which must run in a user gesture such as
 * a click), and the host highlighted (`highlight` attribute) for a few seconds. Each signal follows `settings()`;
 * the element decides what deserves a notice (not a muted conversation). The tone, the title and the browser
 * notification live in notification-signals.ts, loaded with the first notice (or once notifications are allowed).
 *
 * @example
 * private readonly notifier = new NotifierController(this, () => ({ sound: !this.noSound, ... }));
 * if (!conversation.muted) this.notifier.notify({ title: 'Bob Smith', body: message.body, titleText: 'New message' });
 */
export class NotifierController implements ReactiveController {
  private highlightTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly settings: () => NotifierSettings,
  ) {
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
    signals.value?.stopTitleFlash();
  }

  /** `granted`, `denied`, `default` (not asked yet) or `unsupported` (no Notification API). */
  get permission(): NotificationPermission | 'unsupported' {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  }

  /** Asks for permission to show browser notifications. Call it from a click or a key press only. */
  async requestPermission(): Promise<NotificationPermission | 'unsupported'> {
    if (typeof Notification === 'undefined') return 'unsupported';
    const answer = await Notification.requestPermission();
    if (answer === 'granted') void signals().catch(() => undefined);
    this.host.requestUpdate();
    return answer;
  }

  /** Gives the enabled signals, unless the reader is looking at the page. Returns whether it notified. */
  notify(notice: InboundNotice): boolean {
    if (pageAttended()) return false;
    const settings = this.settings();
    const browser = settings.browser && this.permission === 'granted';
    if (settings.sound || settings.titleFlash || browser) {
      void signals().then(
        (module) => {
          if (pageAttended()) return;
          if (settings.sound) module.playTone();
          if (settings.titleFlash) module.flashTitle(notice.titleText);
          if (browser) module.showNotification(notice);
        },
        () => undefined,
      );
    }
    if (settings.highlight) {
      this.host.setAttribute('highlight', '');
      this.unhighlightLater();
    }
    return true;
  }

  private readonly unlockAudio = (): void => {
    if (!this.settings().sound) return;
    const context = audioContext();
    if (context?.state === 'suspended') void context.resume().catch(() => undefined);
  };

  /** The reader is back: the highlight lasts a few more seconds from now, so that they see it. */
  private readonly onAttended = (): void => {
    if (this.host.hasAttribute('highlight')) this.unhighlightLater();
  };

  private unhighlightLater(): void {
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => this.host.removeAttribute('highlight'), HIGHLIGHT_MS);
  }
}
