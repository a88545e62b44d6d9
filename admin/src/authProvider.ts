import type { AuthProvider } from 'react-admin';
import { HttpError } from 'react-admin';
import { closeRealtime, openRealtime } from './realtime/socket';
import { resetBadges } from './realtime/badges';

/** What the server says a role may do with a resource: write (W) or read (R); absent = nothing. */
export type Permission = 'W' | 'R';
export type Role = 'ADMIN' | 'REVIEWER' | 'FINANCE' | 'SUPPORT';

export interface StaffUser {
    id: string;
    email: string;
    fullName: string;
    role: Role;
    permissions: Record<string, Permission>;
}

const TOKEN_KEY = 'aptic.token';
const USER_KEY = 'aptic.user';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export const getStoredUser = (): StaffUser | null => {
    const raw = localStorage.getItem(USER_KEY);
    if (!raw) return null;
    try {
        return JSON.parse(raw) as StaffUser;
    } catch {
        return null;
    }
};

const clearSession = () => {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
};

// Actions that change data need W; everything else (list, show, export…) needs R or W.
const WRITE_ACTIONS = new Set(['create', 'edit', 'delete', 'clone']);

export const canAccessResource = (
    user: StaffUser | null,
    resource: string,
    action: string
): boolean => {
    if (!user) return false;
    // Field-level checks ("users.email") follow the resource they belong to.
    const permission = user.permissions?.[resource.split('.')[0]];
    if (!permission) return false;
    return WRITE_ACTIONS.has(action) ? permission === 'W' : true;
};

/** The server's error shape is { statusCode, error, message, details? }: show `message`. */
const readErrorMessage = async (response: Response): Promise<string> => {
    try {
        const body = await response.json();
        if (body && typeof body.message === 'string') return body.message;
        if (body && Array.isArray(body.message)) return body.message.join(' ');
    } catch {
        // not JSON: fall through to a generic message
    }
    if (response.status === 429) return 'Trop de tentatives de connexion. Réessayez dans quelques minutes.';
    if (response.status === 401) return 'Identifiants invalides.';
    return `Erreur ${response.status}`;
};

export const authProvider: AuthProvider = {
    async login({ username, password }) {
        const response = await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify({ email: username, password }),
        });
        if (!response.ok) {
            throw new HttpError(await readErrorMessage(response), response.status);
        }
        const { accessToken, user } = (await response.json()) as {
            accessToken: string;
            user: StaffUser;
        };
        localStorage.setItem(TOKEN_KEY, accessToken);
        localStorage.setItem(USER_KEY, JSON.stringify({ ...user, permissions: user.permissions ?? {} }));
        openRealtime(accessToken);
    },

    async logout() {
        const token = getToken();
        closeRealtime();
        resetBadges();
        clearSession();
        if (token) {
            // Revoke the session server-side; being logged out locally is what matters.
            await fetch('/api/auth/logout', {
                method: 'POST',
                headers: { Authorization: `Bearer ${token}` },
            }).catch(() => undefined);
        }
    },

    async checkAuth() {
        if (!getToken()) throw new Error('ra.auth.auth_check_error');
    },

    async checkError(error) {
        const status = error?.status;
        if (status === 401) {
            closeRealtime();
            clearSession();
            throw new Error('ra.notification.logged_out');
        }
        // 403 means "not for your role": stay logged in and let the page show the message.
    },

    async getIdentity() {
        const user = getStoredUser();
        if (!user) throw new Error('ra.auth.auth_check_error');
        return { id: user.id, fullName: user.fullName, email: user.email, role: user.role };
    },

    async getPermissions() {
        const user = getStoredUser();
        return user ? { role: user.role, permissions: user.permissions ?? {} } : { role: null, permissions: {} };
    },

    async canAccess({ resource, action }) {
        return canAccessResource(getStoredUser(), resource, action);
    },
};
