package org.heteronym.crypto.pseudonym;

import java.util.List;

/**
 * The two word lists of {@link PseudonymHandle}: 256 adjectives and 256 nouns, each 3 to 5 lower-case ASCII letters,
 * sorted, no word in both. Plain words that read as describing the noun: weather, light, colours, textures and
 * temper; animals, plants, landscapes and everyday objects. None is about health, origin or belief, and none is a
 * slur or a profession, so that no handle says or mocks anything about a person. Their order is part of the
 * derivation (docs/forums.md lists them): never edit, reorder or extend them, or every member at every forum is
 * renamed.
 */
final class HandleWords {

    static final List<String> ADJECTIVES = List.of(
            "able", "acute", "adept", "agile", "aglow", "airy", "alert", "alive", "amber", "ample", "apt", "arid",
            "astir", "avid", "awake", "aware", "azure", "balmy", "beige", "bold", "bonny", "brave", "brief", "brisk",
            "broad", "calm", "chic", "chief", "civic", "civil", "clean", "clear", "comfy", "comic", "cool", "coral",
            "cosy", "cozy", "crisp", "cubic", "curly", "cyan", "dandy", "dear", "deep", "deft", "dense", "dewy",
            "downy", "dry", "dual", "dusty", "eager", "early", "east", "easy", "elder", "elfin", "elite", "epic",
            "equal", "even", "exact", "extra", "fair", "fancy", "far", "fast", "fiery", "fine", "firm", "first",
            "fit", "fixed", "fleet", "fluid", "foamy", "focal", "foggy", "fond", "frank", "free", "fresh", "full",
            "fuzzy", "giant", "gilt", "glad", "gold", "good", "grand", "great", "green", "grey", "gusty", "gutsy",
            "hale", "handy", "happy", "hardy", "hazy", "heady", "high", "hilly", "icy", "ideal", "inner", "ivory",
            "jade", "jazzy", "jolly", "juicy", "just", "keen", "kind", "large", "leafy", "level", "light", "lilac",
            "lithe", "lofty", "long", "loyal", "lucid", "lucky", "lunar", "lush", "magic", "major", "mauve", "merry",
            "mild", "milky", "minty", "misty", "mossy", "natty", "neat", "new", "nice", "nifty", "noble", "north",
            "noted", "novel", "oaken", "ochre", "olive", "open", "outer", "pale", "pearl", "peppy", "perky", "piney",
            "pink", "plain", "plush", "polar", "posh", "prime", "proud", "pure", "quick", "quiet", "rainy", "rapid",
            "rare", "ready", "regal", "rich", "ripe", "rocky", "rosy", "round", "royal", "ruby", "rural", "rusty",
            "sable", "safe", "sage", "salty", "sandy", "sassy", "satin", "savvy", "sharp", "sheer", "shiny", "silky",
            "sleek", "slow", "small", "smart", "snowy", "snug", "soft", "solar", "solid", "sonic", "sound", "south",
            "spicy", "spiky", "spry", "stark", "steep", "still", "stoic", "stony", "stout", "sunny", "super", "sure",
            "sweet", "swift", "tall", "tame", "tangy", "tawny", "teal", "tidal", "tidy", "tiny", "tonal", "tough",
            "trim", "true", "ultra", "umber", "upper", "urban", "vast", "vital", "vivid", "vocal", "warm", "wavy",
            "west", "whole", "wide", "wild", "windy", "wiry", "wise", "wispy", "witty", "woody", "woven", "wry",
            "zany", "zesty", "zippy", "zonal"
    );

    static final List<String> NOUNS = List.of(
            "acorn", "alder", "apple", "arch", "aspen", "aster", "atlas", "auk", "banjo", "basil", "bay", "beach",
            "beam", "bean", "bear", "bee", "beech", "bell", "berry", "birch", "bison", "bloom", "boat", "bough",
            "briar", "brick", "brook", "bud", "cabin", "cairn", "camel", "canal", "canoe", "cape", "carp", "cave",
            "cedar", "cello", "chalk", "cider", "cliff", "cloud", "clove", "coast", "comet", "cove", "crag", "crane",
            "creek", "crest", "crow", "cub", "daisy", "dale", "dawn", "deer", "delta", "dingo", "dome", "dove",
            "drake", "drift", "drum", "dune", "eagle", "egret", "eland", "elk", "elm", "ember", "fable", "fawn",
            "fern", "ferry", "field", "fig", "finch", "fir", "fjord", "flame", "flax", "flint", "flora", "flute",
            "foal", "fox", "frog", "frost", "gale", "gecko", "glade", "glen", "gnu", "goat", "goose", "gorge",
            "grain", "grape", "grebe", "grove", "gull", "hare", "harp", "hawk", "hazel", "heath", "hedge", "heron",
            "hill", "hive", "holly", "honey", "horse", "ibex", "ibis", "igloo", "inlet", "iris", "isle", "ivy", "jay",
            "kayak", "kelp", "kite", "kiwi", "knoll", "koala", "lake", "lamb", "lamp", "larch", "lark", "lava",
            "leaf", "ledge", "lemon", "lemur", "lily", "lime", "linen", "lion", "llama", "loon", "lotus", "lute",
            "lynx", "macaw", "maize", "mango", "manta", "maple", "marsh", "melon", "mesa", "mink", "mint", "moon",
            "moose", "moss", "moth", "mule", "newt", "nova", "oak", "oasis", "oboe", "ocean", "okapi", "onion",
            "orbit", "orca", "otter", "owl", "palm", "panda", "pansy", "peach", "peak", "pecan", "perch", "petal",
            "piano", "pike", "pine", "plaza", "plum", "pond", "pony", "poppy", "prism", "puma", "quail", "quill",
            "rain", "raven", "reed", "reef", "ridge", "river", "robin", "rook", "rose", "rowan", "sail", "sand",
            "seal", "sedge", "shell", "shoal", "shore", "skiff", "sky", "slate", "sloth", "snail", "snow", "sprig",
            "spur", "squid", "star", "stoat", "stone", "stork", "storm", "sun", "swan", "tansy", "tapir", "tarn",
            "tern", "thorn", "thyme", "tide", "tiger", "toad", "torch", "tower", "trail", "trout", "tulip", "vale",
            "vine", "viola", "vista", "vole", "wave", "whale", "wharf", "wheat", "wind", "wolf", "wren", "yak", "yew",
            "yucca", "zebra"
    );

    private HandleWords() {
    }
}
