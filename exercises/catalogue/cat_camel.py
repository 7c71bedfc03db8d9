"""The shipped exercise cat-camel, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "cat-camel",
    "name": "Cat-camel",
    "kind": "mobility",
    "level": "beginner",
    "summary": (
        "Gently moves your back through rounding and dipping, without load; the aim is "
        "easy movement, not a stretch."
    ),
    "target": "Your whole back, bending gently forward and back (spinal flexion and extension)",
    "start_position": (
        "Kneel on all fours with your hands under your shoulders and your knees under your hips."
    ),
    "cues": (
        "Round your back up toward the ceiling, bringing your head and tailbone closer "
        "together.\n"
        "Then let your back dip gently toward the floor.\n"
        "Take about 3 to 4 seconds for each full round.\n"
        "Move smoothly, and don't push at either end."
    ),
    "mistakes": (
        "Forcing the end positions: stay in the easy, comfortable part of the movement.\n"
        "Rushing: slow down to about 3 to 4 seconds for each round.\n"
        "Shrugging your shoulders up to your ears: keep your neck long and shoulders "
        "relaxed."
    ),
    "equipment": ["mat"],
    "sets": 1,
    "reps": 6,
    "hold_seconds": None,
    "rest_seconds": 0,
    "per_side": False,
    "easier": None,
    "harder": None,
    "easier_tip": "Move only within a range that is free of pain, even if it is small.",
    "harder_tip": (
        "There is no harder version: it is not usually made harder, and doing more rounds "
        "adds little. Once it feels easy, your clinician may add the bird dog after it; "
        "keep the cat-camel as your warm-up."
    ),
    "cautions": (
        "If bending forward tends to flare up your back, keep the rounding small or check "
        "with your clinician.\n"
        "If your wrists hurt, rest on your fists instead of flat hands."
    ),
    "illustration_alt": (
        "A person on hands and knees rounds the back up toward the ceiling, then lets it "
        "dip gently toward the floor."
    ),
}
