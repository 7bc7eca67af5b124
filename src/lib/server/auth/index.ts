export * from './sessions';
export * from './passwords';
export * from './tokens';
export * from './cookies';
export * from './permissions';
export * from './guards';
export * from './login';
export * from './password-reset';
