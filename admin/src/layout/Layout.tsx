import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
    <RaLayout menu={Menu} appBar={AppBar}>
        {children}
    </RaLayout>
);
