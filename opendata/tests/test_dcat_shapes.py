"""The catalogue passes the published SHACL shapes (issue 27): DCAT-AP 3.0.1's and the Swedish
additions by DIGG, with DIGG's overrides applied the way its validator applies them, and holds
what DCAT-AP-SE makes mandatory beyond the shapes. The shapes and their sources: shapes/."""

import json
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SH

from home.models import SiteSettings
from updates.tests.factories import UpdateIndexPageFactory, update

# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph; nothing to do on our side.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SHAPES = Path(__file__).parent / "shapes"
# rdflib's own DCAT warns at each attribute it does not know, and pytest asks for some.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
LOCAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/LocalAuthority")


@cache
def shapes() -> Graph:
    graph = Graph()
    for name in ("shapes.ttl", "dcat-ap-se-additions.ttl"):
        graph.parse(SHAPES / name, format="turtle")
    return graph


@cache
def allowed_in_sweden() -> frozenset[tuple[str, str]]:
    """(path, constraint component) pairs that DIGG's RDFValidator drops from the EU report:
    a result goes when its sh:resultPath equals the path and the local name of its
    sh:sourceConstraintComponent equals one of the rule's ignoreConstraints, whatever its
    severity."""
    rules = json.loads((SHAPES / "dcat-ap-se-overrides.json").read_text())["overrides"]
    return frozenset(
        (rule["path"], component) for rule in rules for component in rule["ignoreConstraints"]
    )


def violations(data: Graph) -> list[str]:
    """Each result of severity Violation left after the overrides, in words."""
    _conforms, report, _text = validate(data, shacl_graph=shapes(), inference="none")
    names = Graph(bind_namespaces="rdflib").namespace_manager
    names.bind("vcard", VCARD)
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        if (str(path), component) in allowed_in_sweden():
            continue
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        kinds = ", ".join(sorted(t.n3(names) for t in data.objects(focus, RDF.type)))
        value = report.value(result, SH.value)
        message = report.value(result, SH.resultMessage)
        found.append(
            f"{component} on {path.n3(names) if path else '-'} of {focus.n3(names)} ({kinds})"
            + (f", value {value.n3(names)}" if value is not None else "")
            + (f": {message}" if message else "")
        )
    return sorted(found)


def served_catalogue(client) -> tuple[Graph, URIRef]:
    response = client.get("/dcat.jsonld")
    assert response.status_code == 200
    # Parsed with no network: a remote @context would fail here, as it would for a harvester
    # that cannot reach it.
    data = Graph().parse(data=response.content, format="json-ld")
    (catalogue,) = data.subjects(RDF.type, DCAT.Catalog)
    return data, catalogue


@pytest.fixture
def catalogue_site(client, meeting_page, site_tree):
    """A municipality's settings, a meeting and a measure: every kind of node the catalogue
    has (datasets with and without a date of change, downloads, feeds, the API)."""
    SiteSettings.objects.update_or_create(
        site=site_tree["home"].get_site(),
        defaults={"organisation_name": "Botkyrka kommun", "contact_email": "data@example.org"},
    )
    index = UpdateIndexPageFactory(parent=site_tree["home"])
    update(index, "Ny belysning", [site_tree["district"]])
    return served_catalogue(client)


@pytest.mark.django_db
def test_the_catalogue_has_no_violation_of_dcat_ap_and_dcat_ap_se_shapes(catalogue_site):
    data, _catalogue = catalogue_site
    found = violations(data)
    assert not found, "\n".join([f"{len(found)} violations:", *found])


@pytest.mark.django_db
def test_the_catalogue_holds_what_dcat_ap_se_makes_mandatory_beyond_the_shapes(catalogue_site):
    data, catalogue = catalogue_site
    datasets = list(data.objects(catalogue, DCAT.dataset))
    assert datasets
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in data
        (contact,) = data.objects(dataset, DCAT.contactPoint)
        assert data.value(contact, VCARD.fn) == Literal("Botkyrka kommun")
        assert data.value(contact, VCARD.hasEmail) == URIRef("mailto:data@example.org")
        (publisher,) = data.objects(dataset, DCTERMS.publisher)
        assert {FOAF.Agent, FOAF.Organization} <= set(data.objects(publisher, RDF.type))
        assert data.value(publisher, DCTERMS.type) == LOCAL_AUTHORITY
    assert data.value(catalogue, DCTERMS.publisher) == publisher
    (api,) = data.objects(catalogue, DCAT.service)
    assert (api, RDF.type, DCAT.DataService) in data
    assert set(data.objects(None, DCAT.accessService)) == {api}
    assert set(data.objects(api, DCAT.endpointURL)) == {
        URIRef("http://testserver/api/v2/pages/"),
        URIRef("http://testserver/api/v2/proposals/"),
    }


def test_the_check_finds_what_the_shapes_forbid_and_lets_what_sweden_allows_pass():
    data = Graph()
    catalogue, distribution = URIRef("https://example.org/catalogue"), BNode()
    data.add((catalogue, RDF.type, DCAT.Catalog))
    data.add((distribution, RDF.type, DCAT.Distribution))
    data.add((distribution, DCAT.accessURL, URIRef("https://example.org/data.csv")))
    data.add((distribution, DCTERMS.format, Literal("CSV")))  # an IRI in the EU, a literal in SE

    found = violations(data)

    assert len(found) == 4, found
    assert all("<https://example.org/catalogue> (dcat:Catalog)" in line for line in found)
    assert any(line.startswith("MinCountConstraintComponent on dcterms:license") for line in found)
