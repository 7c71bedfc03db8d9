"""The shipped exercise ninety-ninety-switch, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "ninety-ninety-switch",
    "name": "90/90 hip switch",
    "kind": "mobility",
    "level": "intermediate",
    "summary": (
        "Moves your hips slowly through turning inward and outward, one side then the other."
    ),
    "target": "Muscles that turn your hips in and out (hip rotators)",
    "start_position": (
        "Sit on the floor with one leg bent to a right angle in front of you and the other "
        "bent to a right angle out to the side. Put your hands on the floor behind you and "
        "sit tall."
    ),
    "cues": (
        "Lift both knees a little.\n"
        "Swing both legs across to the other side together.\n"
        "Land softly in the mirror position.\n"
        "Keep your hands on the floor behind you, chest up.\n"
        "Pause for 2 to 3 seconds on each side."
    ),
    "mistakes": (
        "Slumping or leaning far back: sit tall and use your hands for support.\n"
        "Dropping down into position: move slowly and land softly.\n"
        "Forcing the range: only go as far as is comfortable."
    ),
    "equipment": ["mat"],
    "sets": 2,
    "reps": 10,
    "hold_seconds": None,
    "rest_seconds": 30,
    "per_side": False,
    "easier": "lying-windscreen-wipers",
    "harder": None,
    "easier_tip": (
        "Do the lying knee rolls instead: on your back, feet wide, let both knees drop "
        "slowly from side to side."
    ),
    "harder_tip": (
        "There is no harder exercise for this one in the library. Lean less on your hands, "
        "and later try it with your hands off the floor, pausing longer on each side."
    ),
    "cautions": (
        "If you have had a hip replacement, do this only with your surgeon's or physio's "
        "approval: turning the leg far in or out is restricted early on, and after "
        "surgery from the back, turning it inward is not allowed.\n"
        "Stop if it causes pain in your hip or back."
    ),
    "illustration_alt": (
        "Seen from above: a person sits with hands on the floor behind, one leg bent at a "
        "right angle in front and one to the side, and swings both knees over to the other "
        "side."
    ),
}
