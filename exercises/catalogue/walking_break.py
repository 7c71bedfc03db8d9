"""The shipped exercise walking-break, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "walking-break",
    "name": "Walking break",
    "kind": "mobility",
    "level": "beginner",
    "summary": (
        "A short, easy walk. Keeping gently active is one of the best things you can do on "
        "a bad-back day."
    ),
    "target": "Your whole body, moving gently (general activity)",
    "start_position": (
        "Stand up tall in comfortable shoes, indoors or outside, on an even path you know."
    ),
    "cues": (
        "Walk at an easy pace you could keep up while talking.\n"
        "Let your arms swing naturally.\n"
        "Walk for 5 to 10 minutes, or less if that is what today allows.\n"
        "Stop and rest whenever you need to."
    ),
    "mistakes": (
        "Rushing: an easy pace is enough.\n"
        "Walking through worsening pain: slow down, or stop and rest."
    ),
    "equipment": [],
    "sets": 1,
    "reps": None,
    "hold_seconds": 300,
    "rest_seconds": 0,
    "per_side": False,
    "transition_seconds": 5,
    "easier": None,
    "harder": None,
    "easier_tip": "Walk for a shorter time, or take two short walks instead of one.",
    "harder_tip": (
        "There is no harder version in the library. Most days, walk a little longer, up "
        "to 10 minutes or more, as long as it feels comfortable."
    ),
    "cautions": (
        "Walk where the ground is even and you can sit down if you need to.\n"
        "Stop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": "A person stands tall, then walks at an easy pace with arms swinging.",
}
