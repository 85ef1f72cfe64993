import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import { byUsername, type LoginCode, type User, type UserChange } from '@kesu/schema';
import * as api from '../api/users';

/** The office's accounts: the list, and every change to it kept in place as the API answers. */
export const useUsersStore = defineStore('users', () => {
  const list = ref<User[]>([]);

  const put = (user: User) => {
    const at = list.value.findIndex((u) => u.id === user.id);
    if (at >= 0) list.value.splice(at, 1, user);
    else list.value = [...list.value, user].sort(byUsername);
    return user;
  };

  async function load() {
    list.value = await api.listUsers();
    return list.value;
  }

  /** Creates an account; without a password, answers the one-time code to hand out. */
  async function create(input: api.NewUserInput): Promise<LoginCode | null> {
    const { loginCode, ...user } = await api.createUser(input);
    put(user);
    return loginCode;
  }

  const update = async (id: string, change: UserChange) => put(await api.updateUser(id, change));
  const setDisabled = async (id: string, disabled: boolean) =>
    put(await (disabled ? api.disableUser(id) : api.enableUser(id)));

  /** Resets a password: the old one stops working; the answer is the code to hand out. */
  async function resetPassword(id: string): Promise<LoginCode> {
    const code = await api.resetPassword(id);
    const user = list.value.find((u) => u.id === id);
    if (user) put({ ...user, mustSetPassword: true });
    return code;
  }

  /** Reporter accounts for every unit of a plan that has none; the new ones join the list. */
  async function createForPlan(planId: string) {
    const result = await api.planReporterAccounts(planId);
    if (list.value.length > 0) await load();
    return result;
  }

  return {
    list,
    load,
    create,
    update,
    setDisabled,
    resetPassword,
    createForPlan,
    unitsOf: api.unitsOf,
    missingAccounts: api.missingAccounts,
    loginSheet: api.loginSheet,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUsersStore, import.meta.hot));
