import { createContext, useContext } from 'react';

/** A button in a notice; `run` resolves with what to say once it is done. */
export interface NoticeAction {
  label: string;
  run(): Promise<string>;
}

export interface NoticeOptions {
  /** Offer to undo (the user's last change, which is what the notice is about). */
  undoable?: boolean;
  action?: NoticeAction;
  /** How long the notice stays (default 10 s). */
  durationMs?: number;
}

export interface Notice extends NoticeOptions {
  id: number;
  message: string;
  undoable: boolean;
}

export interface NoticeApi {
  notify(message: string, options?: NoticeOptions): void;
}

export const NoticeContext = createContext<NoticeApi>({ notify: () => {} });

export function useNotice(): NoticeApi {
  return useContext(NoticeContext);
}
