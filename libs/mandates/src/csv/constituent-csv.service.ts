import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode } from '@gc/common';
import { DelegationService } from '@gc/council';
import { Db } from '@gc/db';
import { LedgerService } from '@gc/ledger';
import { ConstituentService } from '../constituent/constituent.service';
import { DelegateService } from '../delegate/delegate.service';
import { assertCoordinatorOf } from '../delegation-access';
import { MandateStatus } from '../mandate/mandate.entity';
import { MandateService } from '../mandate/mandate.service';
import { CsvProblem, EXPORT_COLUMNS, MAX_REPORTED_PROBLEMS, readConstituentCsv } from './constituent-csv.rules';
import { ImportConstituentsInput } from './constituent-csv.inputs';
import { ConstituentExportModel, ConstituentImportModel } from './constituent-csv.model';
import { formatCsv, neutralizeFormula } from './csv';

function csvInvalid(problems: CsvProblem[]): DomainError {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  return new DomainError(
    ErrorCode.CSV_INVALID,
    `The file has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`,
    'input.csv',
    { problemCount: problems.length, problems: shown },
  );
}

@Injectable()
export class ConstituentCsvService {
  constructor(
    private readonly db: Db,
    private readonly delegations: DelegationService,
    private readonly delegates: DelegateService,
    private readonly constituents: ConstituentService,
    private readonly mandates: MandateService,
    private readonly ledger: LedgerService,
  ) {}

  /** Checks every row first, then writes all of them or none: constituents and mandates in one statement each. */
  import(actor: Actor, input: ImportConstituentsInput): Promise<ConstituentImportModel> {
    return this.db.transaction(async () => {
      const delegation = await this.delegations.get(input.delegationId, 'input.delegationId');
      assertCoordinatorOf(actor, delegation.id);
      const { rows, problems } = readConstituentCsv(input.csv, await this.delegates.names(delegation.id), new Date());
      if (problems.length) throw csvInvalid(problems);

      const taken = await this.constituents.registeredContacts(
        delegation.id,
        rows.map((row) => row.identity),
      );
      const duplicates = rows.flatMap((row, i) =>
        taken[i].map((field) => ({ row: row.row, field, problem: `a constituent with this ${field} is already registered` })),
      );
      if (duplicates.length) throw csvInvalid(duplicates);

      const created = await this.constituents.insertMany(
        delegation.id,
        rows.map((row) => row.identity),
      );
      if (!created.length) {
        throw csvInvalid([
          { row: null, field: null, problem: 'a constituent in the file was registered while it was being imported; import it again' },
        ]);
      }
      const mandates = rows.flatMap((row, i) =>
        row.delegateId
          ? [{ delegationId: delegation.id, constituentId: created[i].id, delegateId: row.delegateId, expiresAt: row.expiresAt }]
          : [],
      );
      await this.mandates.issueMany(actor.actorRef, mandates);

      const perDelegate = new Map<string, number>();
      for (const mandate of mandates) perDelegate.set(mandate.delegateId, (perDelegate.get(mandate.delegateId) ?? 0) + 1);
      // One entry per file: counts per delegate, no references, so an import does not list who joined together.
      await this.ledger.append(delegation.councilId, actor.actorRef, 'CONSTITUENTS_IMPORTED', {
        delegationId: delegation.id,
        constituents: created.length,
        mandates: mandates.length,
        mandatesByDelegate: [...perDelegate].sort(([a], [b]) => a.localeCompare(b)).map(([delegateId, count]) => ({ delegateId, count })),
      });
      return { constituentsImported: created.length, mandatesIssued: mandates.length };
    });
  }

  async export(actor: Actor, delegationId: string): Promise<ConstituentExportModel> {
    const delegation = await this.delegations.get(delegationId, 'delegationId');
    assertCoordinatorOf(actor, delegation.id);
    const text = (value: string | null) => neutralizeFormula(value ?? '');
    const records = (await this.constituents.records(delegation.id)).map(({ identity, ref, delegateName, expiresAt }) => [
      text(identity.name),
      identity.email ?? '',
      identity.phone ?? '',
      text(identity.city),
      text(identity.notes),
      text(delegateName),
      expiresAt?.toISOString() ?? '',
      delegateName === null ? '' : MandateStatus.ACTIVE,
      ref,
    ]);
    return { csv: formatCsv([[...EXPORT_COLUMNS], ...records]), rowCount: records.length };
  }
}
