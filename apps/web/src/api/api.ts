import { request } from './request.ts';
import type {
  ConsentInfo,
  LoginInput,
  Me,
  MarkReadInput,
  NotificationList,
  NotificationSettings,
  NewPlanInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  PlanInfo,
  PlanSummary,
  RegisterInput,
} from '@samplan/api';

export const api = {
  me: () => request<Me>('GET', '/api/me'),
  login: (email: string, password: string) =>
    request<Me>('POST', '/api/auth/login', { email, password } satisfies LoginInput),
  register: (email: string, password: string, name: string) =>
    request<Me>('POST', '/api/auth/register', { email, password, name } satisfies RegisterInput),
  logout: () => request<void>('POST', '/api/auth/logout'),
  requestPasswordReset: (email: string) =>
    request<void>('POST', '/api/auth/password-reset', { email } satisfies PasswordResetRequestInput),
  confirmPasswordReset: (token: string, password: string) =>
    request<void>('POST', '/api/auth/password-reset/confirm', { token, password } satisfies PasswordResetConfirmInput),
  logoutEverywhere: () => request<void>('POST', '/api/auth/logout-everywhere'),
  notifications: () => request<NotificationList>('GET', '/api/notifications'),
  markNotificationsRead: (ids?: string[]) =>
    request<void>('POST', '/api/notifications/read', (ids ? { ids } : {}) satisfies MarkReadInput),
  notificationSettings: () => request<NotificationSettings>('GET', '/api/notification-settings'),
  saveNotificationSettings: (settings: NotificationSettings) =>
    request<NotificationSettings>('PUT', '/api/notification-settings', settings),
  plans: () => request<{ plans: PlanSummary[] }>('GET', '/api/plans').then((r) => r.plans),
  plan: (id: string) => request<{ plan: PlanInfo }>('GET', `/api/plans/${encodeURIComponent(id)}`).then((r) => r.plan),
  createPlan: (input: NewPlanInput) => request<{ plan: PlanInfo }>('POST', '/api/plans', input).then((r) => r.plan),
  consents: (id: string) =>
    request<{ consents: ConsentInfo[] }>('GET', `/api/plans/${encodeURIComponent(id)}/consents`).then(
      (r) => r.consents,
    ),
};
