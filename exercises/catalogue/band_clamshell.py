"""The shipped exercise band-clamshell, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "band-clamshell",
    "name": "Clamshell with a band",
    "kind": "strength",
    "level": "intermediate",
    "summary": "The clamshell with a loop band, so the side of your hip works harder.",
    "target": "Side of your hip and buttock (gluteus medius and minimus)",
    "start_position": (
        "Put a light loop band around your legs, just above your knees. Lie on your side "
        "with your hips and knees stacked, hips bent forward a little and knees bent to a "
        "right angle. Rest your head on a pillow."
    ),
    "cues": (
        "Roll your top hip slightly forward and keep your feet touching.\n"
        "Lift your top knee slowly against the band, for a count of 2.\n"
        "Keep your pelvis still: lift only as far as it stays still.\n"
        "Lower the knee slowly, for a count of 2.\n"
        "Breathe normally throughout."
    ),
    "mistakes": (
        "Top hip rolling backwards: make the lift smaller, or use a lighter band.\n"
        "Your body rocking or twisting: lift less and keep your trunk still.\n"
        "A band so tight you can barely lift: use a lighter one."
    ),
    "equipment": ["mat", "cushion", "band"],
    "sets": 2,
    "reps": 10,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "transition_seconds": 15,
    "easier": "clamshell",
    "harder": None,
    "easier_tip": "Take the band off: the plain clamshell.",
    "harder_tip": (
        "There is no harder exercise for this one in the library. Your clinician may "
        "later show you a side-lying leg raise."
    ),
    "cautions": (
        "Stop if it brings on back or hip pain, or if you can no longer keep your hips still."
    ),
    "illustration_alt": (
        "A person lies on their side with knees bent, feet together and a band above the "
        "knees, and lifts the top knee against the band."
    ),
}
