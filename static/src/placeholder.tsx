import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** Placeholder until the real views land: proves the bundle loads and the bridge answers. */
function Placeholder({ name }: { name: string }) {
  const [moduleKey, setModuleKey] = useState<string>('…');
  useEffect(() => {
    view
      .getContext()
      .then((ctx) => {
        setModuleKey(ctx.moduleKey);
      })
      .catch((e: unknown) => {
        setModuleKey(e instanceof Error ? e.message : 'no context');
      });
  }, []);
  return (
    <main>
      <h1>Cadence</h1>
      <p>
        {name} view, module <code>{moduleKey}</code>
      </p>
    </main>
  );
}

export function mount(name: string): void {
  const el = document.getElementById('root');
  if (el) createRoot(el).render(<Placeholder name={name} />);
}
