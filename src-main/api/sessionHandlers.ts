import type { DomainHandlers } from './handlers';

export const sessionHandlers: DomainHandlers<'session'> = {
  'session.status': (_input, ctx) => ctx.session.status(),
  'session.signIn': ({ username, password }, ctx) => ctx.session.signIn(username, password),
  'session.changePassword': ({ currentPassword, newPassword }, ctx) => ctx.session.changePassword(currentPassword, newPassword),
  'session.signOut': (_input, ctx) => ctx.session.signOut(),
  'session.lock': (_input, ctx) => ctx.session.lock(),
  'session.activity': (_input, ctx) => {
    ctx.session.touch();
    return null;
  },
};
