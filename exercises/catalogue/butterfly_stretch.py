"""The shipped exercise butterfly-stretch, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "butterfly-stretch",
    "name": "Butterfly stretch",
    "kind": "stretch",
    "level": "beginner",
    "summary": "Gently stretches your inner thighs as your knees open out to the sides.",
    "target": "Inner thighs, and the hips turning outward (adductors, hip external rotation)",
    "start_position": (
        "Sit up tall on the floor with the soles of your feet together and your knees "
        "dropping out to the sides."
    ),
    "cues": (
        "Sit tall through your back.\n"
        "If your back is comfortable, lean forward a little from your hips; it is fine to "
        "stay upright.\n"
        "Press your thighs down gently with your hands or elbows.\n"
        "Stop at mild tightness in your inner thighs.\n"
        "Hold still and breathe slowly."
    ),
    "mistakes": (
        "Straining to reach forward: leaning is optional, so sit upright if that suits "
        "your back better.\n"
        "Pushing your knees down hard: press only gently, to mild tightness."
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
        "Sit on a cushion, and slide your feet further away from you, which is kinder to "
        "your knees. Or do it lying on your back with the soles of your feet together."
    ),
    "harder_tip": (
        "There is no harder version in the library, and you don't need one. Drawing your "
        "feet in closer to your body stretches a little more."
    ),
    "cautions": (
        "Ease off if your knees feel uncomfortable.\n"
        "Some backs don't like bending forward: if yours is one, stay sitting upright.\n"
        "Stop if you feel a pinch in your groin."
    ),
    "illustration_alt": (
        "A person sits tall with the soles of the feet together and lets the knees drop "
        "gently outward."
    ),
}
