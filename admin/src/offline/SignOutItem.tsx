import { useState } from 'react';
import { Confirm, Logout, useLogout, useTranslate } from 'react-admin';
import { clearDevice, useOfflineView } from './client';

/**
 * "Esci" in the user menu: the maker's data leaves the device with the session. With entries
 * not yet sent it warns first ("N elementi non ancora inviati andranno persi") and clears only
 * once the person confirms.
 */
export const SignOutItem = () => {
  const { entries } = useOfflineView();
  const logout = useLogout();
  const translate = useTranslate();
  const [asking, setAsking] = useState(false);
  const signOut = async () => {
    await clearDevice().catch(() => undefined);
    await logout();
  };
  return (
    <>
      <Logout
        onClick={(event) => {
          event.preventDefault();
          event.stopPropagation();
          if (entries.length) setAsking(true);
          else void signOut();
        }}
      />
      <Confirm
        isOpen={asking}
        title="app.offline.sign_out_title"
        content={translate('app.offline.sign_out_warning', { smart_count: entries.length })}
        confirm="app.offline.sign_out_confirm"
        confirmColor="warning"
        onConfirm={() => {
          setAsking(false);
          void signOut();
        }}
        onClose={() => setAsking(false)}
      />
    </>
  );
};
