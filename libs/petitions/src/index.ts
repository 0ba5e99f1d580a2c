export * from './petitions.module';
export * from './petition/petition.entity';
export * from './petition/petition.service';
export * from './threshold/two-thirds';
