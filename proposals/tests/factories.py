from home.tests.factories import PageFactory
from proposals.models import ProposalIndexPage


class ProposalIndexPageFactory(PageFactory):
    title = "Förslag"
    slug = "forslag"
    show_in_menus = True

    class Meta:
        model = ProposalIndexPage
