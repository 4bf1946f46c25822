import { queryOptions } from '@tanstack/react-query';
import {
  type AdminUserView,
  adminUserResponse,
  adminUsersResponse,
  type CompartmentView,
  compartmentResponse,
  compartmentsResponse,
  type CreateCompartmentRequest,
  type CreateUserRequest,
  type CreateUserResponse,
  createUserResponse,
  type SetClearanceRequest,
} from '#shared/contracts/admin';
import type { Role } from '#shared/contracts/roles';
import { api } from '../../api/client';

/** Every administration query starts with this key; a change refetches them all. */
export const administrationKey = ['administration'] as const;

export const adminUsersQuery = queryOptions({
  queryKey: [...administrationKey, 'users'] as const,
  queryFn: async ({ signal }) => (await api.get('/api/admin/users', adminUsersResponse, signal)).users,
});

export const compartmentsQuery = queryOptions({
  queryKey: [...administrationKey, 'compartments'] as const,
  queryFn: async ({ signal }) =>
    (await api.get('/api/admin/compartments', compartmentsResponse, signal)).compartments,
});

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export function createUser(input: CreateUserRequest): Promise<CreateUserResponse> {
  return api.post('/api/admin/users', input, createUserResponse);
}

export async function setRoles(id: string, roles: Role[]): Promise<AdminUserView> {
  return (await api.request('PUT', `${userPath(id)}/roles`, { body: { roles }, schema: adminUserResponse }))
    .user;
}

export async function setClearance(id: string, body: SetClearanceRequest): Promise<AdminUserView> {
  return (await api.request('PUT', `${userPath(id)}/clearance`, { body, schema: adminUserResponse })).user;
}

export async function setDisabled(id: string, disabled: boolean): Promise<AdminUserView> {
  return (await api.post(`${userPath(id)}/${disabled ? 'disable' : 'enable'}`, undefined, adminUserResponse))
    .user;
}

/** For a lost authenticator: the user enrols again at their next sign-in. */
export async function resetMfa(id: string): Promise<AdminUserView> {
  return (await api.post(`${userPath(id)}/mfa/reset`, undefined, adminUserResponse)).user;
}

export async function createCompartment(input: CreateCompartmentRequest): Promise<CompartmentView> {
  return (await api.post('/api/admin/compartments', input, compartmentResponse)).compartment;
}

const membersPath = (compartmentId: string) =>
  `/api/admin/compartments/${encodeURIComponent(compartmentId)}/members`;

export async function grantMembership(compartmentId: string, userId: string): Promise<CompartmentView> {
  return (await api.post(membersPath(compartmentId), { userId }, compartmentResponse)).compartment;
}

export async function revokeMembership(compartmentId: string, userId: string): Promise<CompartmentView> {
  const path = `${membersPath(compartmentId)}/${encodeURIComponent(userId)}`;
  return (await api.request('DELETE', path, { schema: compartmentResponse })).compartment;
}
