import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
    // min-width 0: wide content (tab bars, tables) scrolls inside the page instead of widening it.
    <RaLayout menu={Menu} appBar={AppBar} sx={{ '& .RaLayout-content': { minWidth: 0 } }}>
        {children}
    </RaLayout>
);
