import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { groupByKey, LoaderFactory } from '@gc/common';
import { AmendmentEntity } from './amendment.entity';
import { AmendmentRepository } from './amendment.repository';
import { ResolutionEntity, ResolutionVersionEntity } from './resolution.entity';
import { ResolutionRepository } from './resolution.repository';

@Injectable()
export class ResolutionByIdLoader implements LoaderFactory<string, ResolutionEntity | null> {
  constructor(private readonly resolutions: ResolutionRepository) {}

  create(): DataLoader<string, ResolutionEntity | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.resolutions.findByIds(ids)).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

/** Each resolution's latest text version, one statement per request. */
@Injectable()
export class LatestVersionLoader implements LoaderFactory<string, ResolutionVersionEntity | null> {
  constructor(private readonly resolutions: ResolutionRepository) {}

  create(): DataLoader<string, ResolutionVersionEntity | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.resolutions.latestVersions(ids)).map((v) => [v.resolutionId, v]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}

@Injectable()
export class VersionsLoader implements LoaderFactory<string, ResolutionVersionEntity[]> {
  constructor(private readonly resolutions: ResolutionRepository) {}

  create(): DataLoader<string, ResolutionVersionEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.resolutions.versionsOf(ids), (v) => v.resolutionId));
  }
}

/** Sponsors' delegate ids per resolution, in the order they signed on. */
@Injectable()
export class SponsorsLoader implements LoaderFactory<string, string[]> {
  constructor(private readonly resolutions: ResolutionRepository) {}

  create(): DataLoader<string, string[]> {
    return new DataLoader(async (ids) =>
      groupByKey(ids, await this.resolutions.sponsorsOf(ids), (s) => s.resolutionId).map((rows) => rows.map((s) => s.delegateId)),
    );
  }
}

@Injectable()
export class AmendmentsByResolutionLoader implements LoaderFactory<string, AmendmentEntity[]> {
  constructor(private readonly amendments: AmendmentRepository) {}

  create(): DataLoader<string, AmendmentEntity[]> {
    return new DataLoader(async (ids) => groupByKey(ids, await this.amendments.ofResolutions(ids), (a) => a.resolutionId));
  }
}

@Injectable()
export class AmendmentByIdLoader implements LoaderFactory<string, AmendmentEntity | null> {
  constructor(private readonly amendments: AmendmentRepository) {}

  create(): DataLoader<string, AmendmentEntity | null> {
    return new DataLoader(async (ids) => {
      const byId = new Map((await this.amendments.findByIds(ids)).map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }
}
