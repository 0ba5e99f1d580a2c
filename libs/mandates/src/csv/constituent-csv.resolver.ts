import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, IdPipe, Role } from '@gc/common';
import { ImportConstituentsInput } from './constituent-csv.inputs';
import { ConstituentExportModel, ConstituentImportModel } from './constituent-csv.model';
import { ConstituentCsvService } from './constituent-csv.service';

@Resolver()
export class ConstituentCsvResolver {
  constructor(private readonly service: ConstituentCsvService) {}

  @Allow(Role.COORDINATOR)
  @Mutation(() => ConstituentImportModel, {
    description: 'Import constituents and their mandates from CSV: all rows or, with CSV_INVALID and a per-row report, none.',
  })
  importConstituents(@CurrentActor() actor: Actor, @Args('input') input: ImportConstituentsInput): Promise<ConstituentImportModel> {
    return this.service.import(actor, input);
  }

  @Allow(Role.COORDINATOR)
  @Query(() => ConstituentExportModel)
  constituentsCsv(
    @CurrentActor() actor: Actor,
    @Args('delegationId', { type: () => ID }, IdPipe) delegationId: string,
  ): Promise<ConstituentExportModel> {
    return this.service.export(actor, delegationId);
  }
}
