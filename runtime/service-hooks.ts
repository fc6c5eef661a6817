// A test's way into the middle of an execution: a hook that runs between the script's service calls
// (Sheets, UrlFetch, properties, locks…), acting as the user. It is how tests model a seller who
// sorts, inserts or deletes rows while a sync or a push is running.
import type { CallKind } from './execution';

export interface ServiceCall {
  kind: CallKind;
  /** 0-based count of service calls since the hook was set. */
  index: number;
}

export type ServiceCallHook = (call: ServiceCall) => void;

export class ServiceHooks {
  private hook: ServiceCallHook | undefined;
  private index = 0;
  private running = false;

  set(hook: ServiceCallHook | undefined): void {
    this.hook = hook;
    this.index = 0;
  }

  /** Runs the hook (never re-entered: the user's own edits are not script calls). */
  fire(kind: CallKind, asUser: (fn: () => void) => void): void {
    if (!this.hook || this.running) return;
    const hook = this.hook;
    const call = { kind, index: this.index++ };
    this.running = true;
    try {
      asUser(() => hook(call));
    } finally {
      this.running = false;
    }
  }
}
