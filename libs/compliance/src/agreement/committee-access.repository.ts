import { Injectable } from '@nestjs/common';
import { Db } from '@gc/db';

@Injectable()
export class CommitteeAccessRepository {
  constructor(private readonly db: Db) {}

  /** The committees whose member is the delegate signed in as this user, in one query. */
  async committeeIdsOfUser(userId: string): Promise<string[]> {
    const rows = await this.db.rows<{ committee_id: string }>(
      'SELECT cm.committee_id FROM committee_member cm JOIN delegate d ON d.id = cm.delegate_id WHERE d.user_id = $1',
      [userId],
    );
    return rows.map((row) => row.committee_id);
  }
}
