export enum Role {
  Admin = 'admin',
  Office = 'office',
  Leader = 'leader',
  Observer = 'observer',
  DeptManager = 'dept_manager',
  DeptStaff = 'dept_staff',
}

export const ALL_ROLES = Object.values(Role);

/** Roles bound to one department: they see only that department's tasks. */
export const DEPARTMENT_ROLES: readonly Role[] = [Role.DeptManager, Role.DeptStaff];

/** The authenticated caller, as services see it. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  departmentId: string | null;
}

export function isDepartmentRole(role: Role): boolean {
  return DEPARTMENT_ROLES.includes(role);
}
