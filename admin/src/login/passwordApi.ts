import type { LoginResponse, PasswordTokenInfo } from '@generattivi/shared';
import { fetchUtils } from 'ra-core';

/** The public password routes of the API (no session needed), and the change of one's own. */
const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
  const headers = new Headers({ Accept: 'application/json' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const { json } = await fetchUtils.fetchJson(`/api${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers,
  });
  return json as T;
};

export const requestPasswordReset = (email: string) =>
  post<{ message: string }>('/auth/password-reset', { email });

export const describePasswordToken = (token: string) =>
  post<PasswordTokenInfo>('/auth/password-token', { token });

export const setPasswordWithToken = (token: string, password: string) =>
  post<{ email: string }>('/auth/password', { token, password });

export const changeOwnPassword = (token: string, currentPassword: string, newPassword: string) =>
  post<LoginResponse>('/auth/change-password', { currentPassword, newPassword }, token);

/** The token of the page's address (`#/imposta-password?token=…`). */
export function tokenOfPage(hash = window.location.hash): string {
  const query = hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get('token') ?? '';
}
