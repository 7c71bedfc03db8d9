"""The shipped exercise prone-press-up, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "prone-press-up",
    "name": "Lying press-up",
    "kind": "mobility",
    "level": "beginner",
    "summary": (
        "Gently bends your back backwards while you lie on your front. It suits people "
        "whose back pain eases when they bend backwards."
    ),
    "target": "Your lower back, bending gently backwards (lumbar extension)",
    "start_position": (
        "Lie on your front on a mat, with your hands flat on the floor under your "
        "shoulders and your elbows bent."
    ),
    "cues": (
        "Let your back and buttocks relax.\n"
        "Straighten your arms slowly to lift your chest, only as far as is comfortable.\n"
        "Keep your hips on the floor.\n"
        "Breathe out, then lower yourself slowly back down."
    ),
    "mistakes": (
        "Lifting your hips off the floor: keep them down and let your back sag gently.\n"
        "Tightening your buttocks: let them stay relaxed.\n"
        "Pushing into pain: only go as far as is comfortable."
    ),
    "equipment": ["mat"],
    "sets": 1,
    "reps": 8,
    "hold_seconds": None,
    "rest_seconds": 30,
    "per_side": False,
    "transition_seconds": 10,
    "easier": None,
    "harder": None,
    "easier_tip": (
        "Stay propped up on your elbows instead of straightening your arms, for a few slow breaths."
    ),
    "harder_tip": (
        "There is no harder version in the library, and you don't need one. Go a little "
        "higher each time, only while it stays comfortable."
    ),
    "cautions": (
        "Stop if your symptoms spread into your buttock or down your leg.\n"
        "Leave this one out if bending backwards makes your back pain worse, and tell "
        "your clinician."
    ),
    "illustration_alt": (
        "A person lies face down with hands under the shoulders and straightens the arms "
        "to lift the chest, hips staying on the floor."
    ),
}
