"""The shipped exercise childs-pose, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "childs-pose",
    "name": "Child's pose",
    "kind": "stretch",
    "level": "beginner",
    "summary": "A restful position that gently stretches your lower back, hips and thighs.",
    "target": "Lower back, hips and thighs (lumbar spine, hip flexion)",
    "start_position": (
        "Kneel on a mat with your knees hip-width apart and your big toes touching."
    ),
    "cues": (
        "Breathe out and sit your bottom back toward your heels.\n"
        "Fold your body forward over your thighs.\n"
        "Rest your forehead on the floor or on a cushion.\n"
        "Let your arms rest along your sides.\n"
        "Breathe slowly and let your back relax."
    ),
    "mistakes": (
        "Forcing your bottom down to your heels when your knees hurt: stop higher up, "
        "with a cushion between your bottom and heels.\n"
        "Stretching past comfort: ease back until you feel only mild tightness."
    ),
    "equipment": ["mat", "cushion"],
    "sets": 2,
    "reps": None,
    "hold_seconds": 30,
    "rest_seconds": 30,
    "per_side": False,
    "easier": None,
    "harder": None,
    "easier_tip": (
        "Put a pillow between your heels and your bottom, a rolled towel under your "
        "ankles, or a cushion under your head. If kneeling is hard, ask your clinician about a "
        "chair-supported version, or lie on your back and hug your knees to your chest."
    ),
    "harder_tip": (
        "There is no harder version: this is a resting position. You can stretch your "
        "arms forward along the floor and let your knees go wider."
    ),
    "cautions": (
        "With knee or ankle problems, don't sit right back onto your heels; use a cushion "
        "or the lying version.\n"
        "If you have had a hip replacement, check with your surgeon or physio first: "
        "deep bending at the hip is restricted in the early weeks.\n"
        "If your back pain is worse when you bend forward, leave this one out and tell "
        "your clinician.\n"
        "Stop if you feel pain rather than mild tightness."
    ),
    "illustration_alt": (
        "A person kneels and sits back toward the heels, folding forward with the "
        "forehead resting on a cushion."
    ),
}
