export * from './access.contract.ts';
export * from './common.contract.ts';
export * from './dedup.contract.ts';
export * from './health.contract.ts';
export * from './jobs.contract.ts';
export * from './people.contract.ts';
export * from './people-import.contract.ts';
export * from './places.contract.ts';
