import { createContext, useContext } from 'react';

/** lang, setLang, t, brand, session, office (loaded once per language) */
export const AppContext = createContext(null);

export function useApp() {
  return useContext(AppContext);
}
