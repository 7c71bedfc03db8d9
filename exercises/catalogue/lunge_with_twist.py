"""The shipped exercise lunge-with-twist, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "lunge-with-twist",
    "name": "Lunge with a twist",
    "kind": "strength",
    "level": "advanced",
    "summary": (
        "Builds strength in your legs and buttocks while you practise turning your upper "
        "body with control."
    ),
    "target": (
        "Front of the thighs, buttocks, front of the back hip, and control as your trunk "
        "turns (quadriceps, glutes, hip flexors, trunk rotation)"
    ),
    "start_position": (
        "Stand tall with your feet hip-width apart, next to a sturdy chair or a wall you can "
        "reach. Fold your arms across your chest, or hold your hands together in front of it."
    ),
    "cues": (
        "Step forward with the leg of the side you are working (left foot, left side) "
        "and bend both knees to about a right angle.\n"
        "Keep your front knee in line over your foot.\n"
        "Turn your chest toward your front knee, keeping your hips facing forward.\n"
        "Turn back to the middle and push through your front foot to step back up.\n"
        "Do all the lunges for that side, then swap legs."
    ),
    "mistakes": (
        "Front knee falling inward: keep it over your foot and go less deep.\n"
        "Hips turning with your shoulders: keep your hips facing forward and turn only "
        "your chest.\n"
        "Only moving your arms: keep them folded and turn your whole chest.\n"
        "Rushing or taking a short step: move slowly and step far enough for both knees to "
        "bend comfortably."
    ),
    "equipment": ["chair"],
    "sets": 2,
    "reps": 6,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "transition_seconds": 10,
    "easier": "split-squat",
    "harder": None,
    "easier_tip": (
        "Do the split squat, without the twist, holding a support. Only go as low as you "
        "can keep your front knee in line over your foot."
    ),
    "harder_tip": (
        "This is the hardest version in the library. Pause for 1 to 2 seconds while you "
        "are turned; later, your clinician may show you a walking lunge with a twist."
    ),
    "cautions": (
        "Stop if you feel sharp knee pain, or strain in your back from turning too far.\n"
        "If you have had a hip replacement, check with your surgeon or physio first: "
        "twisting while standing is restricted in the early weeks."
    ),
    "illustration_alt": (
        "A person with arms folded steps forward into a lunge and turns the chest toward "
        "the front knee, hips facing forward."
    ),
}
