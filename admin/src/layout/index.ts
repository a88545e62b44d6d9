export * from './Layout';
export * from './Menu';
