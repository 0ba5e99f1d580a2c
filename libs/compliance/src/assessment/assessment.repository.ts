import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '@gc/db';
import { AssessmentEntity, EvidenceEntity, EvidenceVisibility } from './assessment.entity';

/** An evidence item with the agreement owners its visibility depends on. */
export interface EvidenceView {
  id: string;
  assessmentId: string;
  councilId: string;
  committeeId: string;
  position: number;
  visibility: EvidenceVisibility;
  title: string;
  datedOn: string | null;
  source: string;
  fileHash: string | null;
}

const EVIDENCE_VIEW_SQL = `
  SELECT e.id, e.assessment_id AS "assessmentId", a.council_id AS "councilId", a.committee_id AS "committeeId", e.position,
         e.visibility, e.title, e.dated_on::text AS "datedOn", e.source, e.file_hash AS "fileHash"
    FROM assessment_evidence e
    JOIN term_assessment s ON s.id = e.assessment_id
    JOIN agreement_term t ON t.id = s.term_id
    JOIN agreement a ON a.id = t.agreement_id`;

@Injectable()
export class AssessmentRepository {
  constructor(private readonly db: Db) {}

  insert(values: Partial<AssessmentEntity>): Promise<AssessmentEntity> {
    return this.db.transactional.save(AssessmentEntity, values);
  }

  insertEvidence(items: Partial<EvidenceEntity>[]): Promise<EvidenceEntity[]> {
    return items.length ? this.db.transactional.save(EvidenceEntity, items) : Promise.resolve([]);
  }

  findById(id: string): Promise<AssessmentEntity | null> {
    return this.db.manager.findOne(AssessmentEntity, { where: { id } });
  }

  /** Every assessment of these terms, in timeline order. */
  ofTerms(termIds: readonly string[]): Promise<AssessmentEntity[]> {
    return this.db.manager.find(AssessmentEntity, {
      where: { termId: In([...termIds]) },
      order: { termId: 'ASC', observedOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  async evidenceById(id: string): Promise<EvidenceView | null> {
    const [row] = await this.db.rows<EvidenceView>(`${EVIDENCE_VIEW_SQL} WHERE e.id = $1`, [id]);
    return row ?? null;
  }

  evidenceOf(assessmentIds: readonly string[]): Promise<EvidenceView[]> {
    return this.db.rows<EvidenceView>(`${EVIDENCE_VIEW_SQL} WHERE e.assessment_id = ANY($1) ORDER BY e.assessment_id, e.position`, [
      [...assessmentIds],
    ]);
  }
}
