"""The shipped exercise bird-dog, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "bird-dog",
    "name": "Bird dog",
    "kind": "control",
    "level": "intermediate",
    "summary": (
        "Builds strength and staying power in your back, buttocks and trunk while you "
        "keep your body steady."
    ),
    "target": (
        "Muscles along your back, buttocks and trunk (back extensors, glutes, trunk stabilisers)"
    ),
    "start_position": (
        "Kneel on all fours with your hands under your shoulders and your knees under "
        "your hips. Keep your back level, neither arched nor rounded."
    ),
    "cues": (
        "Gently tighten your stomach muscles.\n"
        "Reach one arm forward and the opposite leg back, until both are level with your "
        "body, no higher.\n"
        "Push your heel back, as if pressing it against a wall.\n"
        "Hold still for the time shown, and keep breathing.\n"
        "Lower them slowly; do them all on this side, then swap."
    ),
    "mistakes": (
        "Back arching or sagging: lift the leg less and tighten your stomach again.\n"
        "Pelvis tipping or turning: keep both hips level, as if a cup of tea sat on your "
        "lower back.\n"
        "Leg lifted too high: stop when it is level with your body."
    ),
    "equipment": ["mat"],
    "sets": 2,
    "reps": 6,
    "hold_seconds": 5,
    "rest_seconds": 30,
    "per_side": True,
    "easier": "bird-dog-arm-reach",
    "harder": None,
    "easier_tip": (
        "Reach with one arm only (the arm reach on hands and knees), then with one leg "
        "only, keeping the other three on the floor."
    ),
    "harder_tip": (
        "There is no harder exercise for this one in the library. Your clinician builds it "
        "up a step at a time, with more reaches and a longer hold."
    ),
    "cautions": (
        "If your wrists hurt, rest on your fists instead of flat hands.\n"
        "Kneel on a mat or a folded towel to protect your knees.\n"
        "Stop if your symptoms get worse or a new pain appears."
    ),
    "illustration_alt": (
        "A person on hands and knees reaches one arm forward and the opposite leg back "
        "until both are level with the body."
    ),
}
