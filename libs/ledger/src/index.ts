export * from './canonical/canonical-json';
export * from './entry/ledger-entry.entity';
export * from './entry/ledger-entry.model';
export * from './entry/ledger-hash';
export * from './entry/ledger.service';
export * from './ledger.module';
