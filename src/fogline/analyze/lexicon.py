"""Word lists the rule-based analyzers use: speech cues, venues, hedges, titles, loaded terms.

Lemmas are lower case. These are first cuts, to be replaced or backed by learned models;
each list says what it is for so that it can be extended without reading the rules.
"""

from __future__ import annotations

# Verbs that introduce reported speech or a position taken.
CUE_VERBS = frozenset(
    """
    say tell claim state announce report insist deny add echo confirm acknowledge admit warn
    argue assert note suggest write post declare maintain contend explain describe stress
    allege accuse repeat reiterate boast concede predict estimate assess believe tweet
    publish affirm emphasise emphasize testify recount quote cite dismiss reject
    """.split()
)

# Cues whose speaker only relays someone else's words.
CITE_VERBS = frozenset({"cite", "quote"})
ECHO_VERBS = frozenset({"echo", "repeat", "reiterate"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "reject"})

# Nouns that name where or through which something was said.
VENUE_NOUNS = frozenset(
    """
    television tv channel radio broadcast hearing committee parliament congress senate briefing
    conference address speech interview statement post video newspaper podcast broadcaster
    station network session meeting summit rally press telegram blog website message
    communique bulletin programme program show
    """.split()
)

# Expressions that weaken an assertion.
HEDGE_WORDS = frozenset(
    """
    likely unlikely probably possibly perhaps may might could appear appears appeared seem
    seems seemed reportedly allegedly apparently purportedly presumably unconfirmed
    suggest suggests suggested believe believed uncertain unclear estimate estimated
    """.split()
)
HEDGING_CUES = frozenset({"claim", "allege", "boast", "suggest", "believe", "estimate"})

# Titles stripped from names when resolving speakers.
TITLES = frozenset(
    """
    general gen. gen colonel col. col lieutenant lt. lt major maj. maj captain capt. capt
    sergeant sgt. admiral adm. marshal commander president vice prime minister secretary
    spokesman spokeswoman spokesperson senator governor mayor ambassador chief deputy
    mr. mr mrs. mrs ms. ms dr. dr prof. professor king queen prince sheikh
    """.split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "it", "we"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Words of name-calling and emotionally loaded framing (a lexicon; a trained
# propaganda-span model is a later step).
LOADED_WORDS = frozenset(
    """
    fascist fascists nazi nazis invader invaders mercenary mercenaries cowardly coward cowards
    butcher butchers thug thugs terrorist terrorists regime puppet puppets barbaric barbarian
    barbarians crushed annihilated heroic glorious treacherous criminal criminals murderous
    savage savages horde hordes bandit bandits junta vermin traitor traitors liberators
    humiliating humiliated shameful lackeys cannon fodder
    """.split()
)
