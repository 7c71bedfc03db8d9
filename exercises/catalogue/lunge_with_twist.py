"""The shipped exercise lunge-with-twist, in HipMob's own words (clinical.md)."""

EXERCISE = {
    "slug": "lunge-with-twist",
    "name": "Lunge with a twist",
    "kind": "strength",
    "level": "intermediate",
    "summary": (
        "Builds strength in your legs and buttocks while you practise turning your upper "
        "body with control."
    ),
    "target": (
        "Front of the thighs, buttocks, front of the back hip, and control as your trunk "
        "turns (quadriceps, glutes, hip flexors, trunk rotation)"
    ),
    "start_position": (
        "Stand tall with your feet hip-width apart and your arms held straight out in front of you."
    ),
    "cues": (
        "Step forward and bend both knees to about a right angle.\n"
        "Keep your front knee in line over your foot.\n"
        "Turn your chest toward the front leg, keeping your hips facing forward.\n"
        "Turn back to the middle.\n"
        "Push through your front foot to step back up to standing."
    ),
    "mistakes": (
        "Front knee falling inward: keep it over your foot and go less deep.\n"
        "Hips turning with your shoulders: keep your hips facing forward and turn only "
        "your chest.\n"
        "Only swinging your arms: turn your whole chest, with your arms following.\n"
        "Rushing or taking a short step: move slowly and step far enough for both knees to "
        "bend comfortably."
    ),
    "equipment": [],
    "sets": 2,
    "reps": 6,
    "hold_seconds": None,
    "rest_seconds": 60,
    "per_side": True,
    "easier": None,
    "harder": None,
    "easier_tip": (
        "Keep one hand on a sturdy chair or a wall. Only go as low as you can keep your "
        "front knee in line over your foot."
    ),
    "harder_tip": (
        "Pause for 1 to 2 seconds while you are turned, or hold a light ball in both hands. "
        "Later, you can do it walking forward, one lunge after another."
    ),
    "cautions": (
        "Stop if you feel sharp knee pain, or strain in your back from turning too far.\n"
        "If you have had a hip replacement, check with your surgeon or physio first: "
        "twisting while standing is restricted in the early weeks."
    ),
    "sources": (
        "Go Lightweight: lunge with twist — "
        "https://golightweight.app/en/library/lunge-with-twist\n"
        "Pocket Rocket: lunge twist — https://pocketrocket.fit/exercises/lunge_twist/\n"
        "Beyond Health: walking lunge with rotational twist — "
        "https://beyondhealthus.com/resource-article/"
        "walking-lunge-with-rotational-twist-bodyweight-and-weighted\n"
        "Changing Shape: lunge — "
        "https://www.changingshape.com/exercises/lunge-lateral-anterior\n"
        "STACK: walking lunge with twist — "
        "https://www.stack.com/exercise/1860/walking-lunge-with-twist\n"
        "London Health Sciences Centre: hip precautions — "
        "https://www.lhsc.on.ca/joint-replacement-surgery/hip-precautions"
    ),
    "illustration_alt": (
        "A person steps into a lunge with arms held forward and turns the chest toward the "
        "front leg."
    ),
}
