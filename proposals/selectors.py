"""What a proposal's page shows differently for the person reading it, in one query."""

from dataclasses import dataclass

from django.db import connection

from accounts.readers import reader_row
from proposals.services import support_month_start, supports_left

# See accounts.readers.
READER_SQL = """
  EXISTS (SELECT 1 FROM proposals_support s
          WHERE s.proposal_id = %(proposal)s AND s.user_id = %(user)s),
  (SELECT COUNT(*) FROM proposals_support s
   WHERE s.user_id = %(user)s AND s.created_at >= %(month_start)s)
"""


@dataclass(frozen=True)
class ProposalReader:
    supporting: bool = False
    supports_left: int | None = None  # this calendar month; None for a visitor


def proposal_reader(*, proposal, request) -> ProposalReader:
    user = request.user
    if not user.is_authenticated:
        return ProposalReader()
    month_start = connection.ops.adapt_datetimefield_value(support_month_start())
    _can, _suspension, supporting, used = reader_row(
        user, READER_SQL, request=request, proposal=proposal.pk, month_start=month_start
    )
    return ProposalReader(supporting=bool(supporting), supports_left=supports_left(user, used=used))
