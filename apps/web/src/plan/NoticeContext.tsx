import { createContext, useContext } from 'react';

export interface Notice {
  id: number;
  message: string;
  /** Offer to undo (the user's last change, which is what the notice is about). */
  undoable: boolean;
}

export interface NoticeApi {
  notify(message: string, options?: { undoable?: boolean }): void;
}

export const NoticeContext = createContext<NoticeApi>({ notify: () => {} });

export function useNotice(): NoticeApi {
  return useContext(NoticeContext);
}
