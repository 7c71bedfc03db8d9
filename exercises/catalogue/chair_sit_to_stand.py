"""The shipped exercise chair-sit-to-stand, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "chair-sit-to-stand",
    "name": "Sit to stand from a chair",
    "kind": "strength",
    "level": "beginner",
    "summary": "Practises standing up from a chair, which strengthens your legs and buttocks.",
    "target": "Front of the thighs and buttocks (quadriceps, glutes)",
    "start_position": (
        "Sit near the front of a sturdy chair, with its back against a wall. Put your feet "
        "flat on the floor, hip-width apart and a little behind your knees. Fold your arms "
        "across your chest."
    ),
    "cues": (
        "Lean forward a little, bringing your nose over your toes.\n"
        "Push through your feet and stand up tall.\n"
        "Pause, standing, for a moment.\n"
        "Sit back down slowly, with control."
    ),
    "mistakes": (
        "Dropping back into the chair: lower yourself slowly.\n"
        "Knees falling inward: keep them pointing over your toes."
    ),
    "equipment": ["chair"],
    "sets": 2,
    "reps": 8,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": False,
    "transition_seconds": 5,
    "easier": None,
    "harder": "deep-squat",
    "easier_tip": (
        "Use a higher seat or a chair with armrests, and push on the armrests with your hands."
    ),
    "harder_tip": "When this feels easy, try the assisted deep squat.",
    "cautions": (
        "Use a chair that can't slide, with its back against a wall.\n"
        "Stop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": (
        "A person sits near the front of a chair with arms folded, then leans forward and "
        "stands up tall."
    ),
}
