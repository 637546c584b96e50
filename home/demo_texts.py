"""The demo's prose, in Swedish and English: six districts, the standard pages, the home page,
a notice and the accessibility statement (home/demo.py publishes them)."""

DISTRICTS = [
    {
        "slug": "alby",
        "sv": (
            "Alby",
            "Alby ligger vid Albysjön och har ett av kommunens största bostadsområden. "
            "Här arbetar kommunen, polisen och bostadsbolaget tillsammans för en tryggare "
            "vardag, med fler vuxna ute på kvällarna och bättre belysning.",
        ),
        "en": (
            "Alby",
            "Alby lies by Lake Alby and has one of the municipality's largest housing "
            "areas. The municipality, the police and the housing company work together "
            "here for safer everyday life, with more adults out in the evenings and "
            "better lighting.",
        ),
        "contact": (
            "Samira Haddad",
            "Trygghetssamordnare",
            "Safety coordinator",
            "samira.haddad@example.org",
            "08-530 610 01",
        ),
    },
    {
        "slug": "fittja",
        "sv": (
            "Fittja",
            "I Fittja samlas boende, föreningar och myndigheter på storsamlingar för "
            "att höra om trygghetsarbetet och forma stadsdelens framtid tillsammans.",
        ),
        "en": (
            "Fittja",
            "In Fittja, residents, associations and public agencies gather at large "
            "open meetings to hear about the safety work and shape the district's "
            "future together.",
        ),
        "contact": (
            "Johan Lindqvist",
            "Områdesutvecklare",
            "Area developer",
            "johan.lindqvist@example.org",
            "08-530 610 02",
        ),
    },
    {
        "slug": "hallunda-norsborg",
        "sv": (
            "Hallunda-Norsborg",
            "Hallunda-Norsborg har tunnelbana, centrum och närhet till "
            "Mälaren. Stadsdelen har egna trygghetsvandringar varje vår "
            "och höst.",
        ),
        "en": (
            "Hallunda-Norsborg",
            "Hallunda-Norsborg has the underground, a town centre and "
            "Lake Mälaren nearby. The district holds its own safety walks "
            "every spring and autumn.",
        ),
        "contact": (
            "Aylin Demir",
            "Områdesutvecklare",
            "Area developer",
            "aylin.demir@example.org",
            "08-530 610 03",
        ),
    },
    {
        "slug": "tullinge",
        "sv": (
            "Tullinge",
            "Tullinge är en grön stadsdel med villor, skog och Tullingesjön. "
            "Här finns aktiva föreningar och ett starkt lokalt engagemang.",
        ),
        "en": (
            "Tullinge",
            "Tullinge is a green district with houses, forest and Lake Tullinge. "
            "It has active associations and strong local engagement.",
        ),
        "contact": (
            "Erik Nyström",
            "Kontaktperson",
            "Contact person",
            "erik.nystrom@example.org",
            "08-530 610 04",
        ),
    },
    {
        "slug": "tumba",
        "sv": (
            "Tumba",
            "Tumba är kommunens centralort med kommunhuset, pendeltåg och Tumba "
            "centrum. Dialogmöten om centrumets utveckling hålls här.",
        ),
        "en": (
            "Tumba",
            "Tumba is the municipality's central town, with the town hall, commuter "
            "trains and Tumba centre. Dialogue meetings on the centre's development "
            "are held here.",
        ),
        "contact": (
            "Maria Abdi",
            "Kommunikatör i tjänst",
            "Communicator on duty",
            "maria.abdi@example.org",
            "08-530 610 05",
        ),
    },
    {
        "slug": "grodinge",
        "sv": (
            "Grödinge",
            "Grödinge är kommunens landsbygd, med gårdar, sjöar och naturreservat. "
            "Här handlar trygghet ofta om vägar, kollektivtrafik och samverkan "
            "mellan grannar.",
        ),
        "en": (
            "Grödinge",
            "Grödinge is the municipality's countryside, with farms, lakes and "
            "nature reserves. Here, safety is often about roads, public transport "
            "and neighbours working together.",
        ),
        "contact": (
            "Lars Ek",
            "Kontaktperson",
            "Contact person",
            "lars.ek@example.org",
            "08-530 610 06",
        ),
    },
]

STANDARD_PAGES = [
    {
        "slug": "om-torget",
        "sv": (
            "Om Torget",
            "Torget är platsen där kommunen och invånarna möts: stadsdelarnas "
            "sidor, öppna möten, samtal i forumet och uppdateringar om "
            "trygghetsarbetet.",
        ),
        "en": (
            "About Torget",
            "Torget is where the municipality and its residents meet: "
            "district pages, open meetings, forum discussions and updates on "
            "the safety work.",
        ),
        "setting": None,
    },
    {
        "slug": "integritet",
        "sv": (
            "Integritetspolicy",
            "Vi sparar så lite som möjligt och bara så länge det behövs. "
            "Sidan använder inga spårningskakor och hämtar inget från "
            "andra webbplatser. Du kan ladda ner och radera dina "
            "uppgifter från ditt konto. En person har ett konto: stöd för "
            "förslag från flera konton av samma person räknas inte.",
        ),
        "en": (
            "Privacy policy",
            "We keep as little as possible, and only as long as it is "
            "needed. The site uses no tracking cookies and loads nothing "
            "from other websites. You can download and delete your data "
            "from your account. One person has one account: support for "
            "proposals from several accounts of one person does not count.",
        ),
        "setting": "privacy_page",
        # After the introduction: the retention rules (generated), then the person's rights.
        "more": {
            "sv": "Personuppgiftsansvarig är kommunen. Du har rätt att få veta vad vi sparar om "
            "dig, att få fel rättade och att få uppgifterna raderade. Under Mitt konto laddar "
            "du ner allt vi sparar om dig, väljer vilka mejl du får och raderar kontot. Har du "
            "frågor, eller vill klaga på hur vi hanterar dina uppgifter, skriv till "
            "torget@example.org. Du kan också vända dig till Integritetsskyddsmyndigheten (IMY).",
            "en": "The municipality is the data controller. You have the right to know what we "
            "keep about you, to have mistakes corrected and to have your data deleted. Under My "
            "account you download everything we keep about you, choose your emails and delete "
            "the account. If you have questions, or want to complain about how we handle your "
            "data, write to torget@example.org. You can also turn to the Swedish Authority for "
            "Privacy Protection (IMY).",
        },
    },
    {
        "slug": "riktlinjer",
        "sv": (
            "Riktlinjer för samtalen",
            "Var vänlig och håll dig till saken. Inga hot, inga "
            "personangrepp och inga uppgifter om enskilda "
            "personer. Moderatorer kan dölja inlägg som bryter "
            "mot riktlinjerna.",
        ),
        "en": (
            "Community guidelines",
            "Be kind and stay on topic. No threats, no personal "
            "attacks and no details about individuals. Moderators "
            "may hide posts that break the guidelines.",
        ),
        "setting": "guidelines_page",
    },
]

HOME = {
    "sv": (
        "Torget",
        "Välkommen till Torget, där kommunen och invånarna möts. Här hittar du din "
        "stadsdel, öppna möten och vad som görs för tryggheten där du bor.",
    ),
    "en": (
        "Torget",
        "Welcome to Torget, where the municipality and its residents meet. Find your "
        "district, open meetings and what is being done for safety where you live.",
    ),
}
DISTRICT_INDEX = {
    "sv": ("Stadsdelar", "Välj din stadsdel för att se dess möten, nyheter och kontaktpersoner."),
    "en": ("Districts", "Choose your district to see its meetings, news and contact people."),
}
NOTICE = {
    "sv": (
        "Eldningsförbud i hela Stockholms län. Grilla inte utomhus och gör inga eldar.",
        "Läs mer om eldningsförbudet",
    ),
    "en": (
        "A fire ban applies in all of Stockholm County. Do not barbecue outdoors or light fires.",
        "Read more about the fire ban",
    ),
}


ACCESSIBILITY = {
    "sv": (
        "Tillgänglighetsredogörelse",
        "Webbplatsen ska gå att använda för alla, med tangentbord, skärmläsare och på mobilen.",
        [
            (
                "Länkar i inlägg som invånare och föreningar skriver i forumet kan ha otydliga "
                "länktexter, till exempel ”klicka här”. Moderatorerna rättar dem när de ser dem.",
                "2.4.4 Länkarnas syfte (i sammanhanget)",
            ),
            (
                "Kartlänken på mötessidorna öppnar OpenStreetMap, som inte går att använda fullt "
                "ut med skärmläsare. Adressen och vägbeskrivningen står alltid i text på sidan.",
                "",
            ),
        ],
        "<p>Webbplatsen granskas automatiskt med verktyget axe-core: varje sida som ändras "
        "testas vid varje ändring, i mobil- och datorstorlek. En manuell granskning med "
        "skärmläsare och förstoring återstår.</p>",
    ),
    "en": (
        "Accessibility statement",
        "The site should work for everyone, with a keyboard, a screen reader and on a phone.",
        [
            (
                "Links in posts that residents and associations write in the forum may have "
                "unclear link texts, such as “click here”. Moderators correct them when they see "
                "them.",
                "2.4.4 Link Purpose (In Context)",
            ),
            (
                "The map link on meeting pages opens OpenStreetMap, which cannot be fully used "
                "with a screen reader. The address and directions are always written on the page.",
                "",
            ),
        ],
        "<p>The website is checked automatically with the axe-core tool: every page that "
        "changes is tested at every change, at phone and desktop sizes. A manual review with a "
        "screen reader and zoom remains to be done.</p>",
    ),
}
