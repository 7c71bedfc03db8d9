"""The shipped exercise clamshell, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "clamshell",
    "name": "Clamshell",
    "kind": "strength",
    "level": "beginner",
    "summary": "Strengthens the muscles at the side of your hip and buttock.",
    "target": "Side of your hip and buttock (gluteus medius and minimus)",
    "start_position": (
        "Lie on your side with your hips and knees stacked, hips bent forward a little and "
        "knees bent to a right angle. Your heels line up with your tailbone, and your head "
        "rests on a pillow."
    ),
    "cues": (
        "Roll your top hip slightly forward and keep your feet touching the whole time.\n"
        "Lift your top knee slowly, for a count of 2.\n"
        "Keep your pelvis still: lift only as far as it stays still.\n"
        "Lower the knee slowly, for a count of 2.\n"
        "Breathe normally throughout."
    ),
    "mistakes": (
        "Top hip rolling backwards: make the lift smaller and keep your hips stacked.\n"
        "Your body rocking or twisting: lift less and keep your trunk still.\n"
        "Holding your breath: breathe out as you lift."
    ),
    "equipment": ["mat", "cushion"],
    "sets": 2,
    "reps": 10,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "transition_seconds": 15,
    "easier": None,
    "harder": "band-clamshell",
    "easier_tip": "Make the lift smaller and do fewer repetitions.",
    "harder_tip": ("Do the clamshell with a loop band just above your knees."),
    "cautions": (
        "Stop if it brings on back or hip pain, or if you can no longer keep your hips still."
    ),
    "illustration_alt": (
        "A person lies on their side with knees bent and feet together, and lifts the top "
        "knee like a clamshell opening."
    ),
}
