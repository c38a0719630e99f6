<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AiModule</name>
    <message>
        <source>The AI module (%1) was not found in: %2</source>
        <translation>Le module d&apos;IA (%1) est introuvable dans : %2</translation>
    </message>
    <message>
        <source>The AI module could not be loaded: %1</source>
        <translation>Impossible de charger le module d&apos;IA : %1</translation>
    </message>
    <message>
        <source>%1 is not a RadPath AI module</source>
        <translation>%1 n&apos;est pas un module d&apos;IA pour RadPath</translation>
    </message>
    <message>
        <source>%1 has interface version %2, this RadPath needs %3</source>
        <translation>%1 a la version d&apos;interface %2, cette version de RadPath nécessite %3</translation>
    </message>
    <message>
        <source>The AI engine failed to start</source>
        <translation>Le moteur d&apos;IA n&apos;a pas pu démarrer</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Ruler</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
</context>
<context>
    <name>BuildInfo</name>
    <message numerus="yes">
        <source>available (%n device(s))</source>
        <translation>
            <numerusform>disponible (%n périphérique)</numerusform>
            <numerusform>disponible (%n périphériques)</numerusform>
        </translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>indisponible : %1</translation>
    </message>
    <message>
        <source>not loaded (loads when AI is first used)</source>
        <translation>non chargé (se charge à la première utilisation de l&apos;IA)</translation>
    </message>
</context>
<context>
    <name>MeasurementEditor</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 mm²
Mean %2 ± %3 %4
Min %5  Max %6</source>
        <translation>%1 mm²
Moyenne %2 ± %3 %4
Min %5  Max %6</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
</context>
<context>
    <name>TransferFunctionPresets</name>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>TDM tissus mous</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>TDM poumon</translation>
    </message>
    <message>
        <source>CT angiography</source>
        <translation>Angio-TDM</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>IRM par défaut</translation>
    </message>
</context>
<context>
    <name>radpath::app::AboutDialog</name>
    <message>
        <source>About RadPath</source>
        <translation>À propos de RadPath</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RadPath %1&lt;/h2&gt;&lt;p&gt;Radiology and pathology viewer with an AI engine.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Models shipped with RadPath are demonstrations, not for clinical use.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;RadPath %1&lt;/h2&gt;&lt;p&gt;Visionneuse de radiologie et de pathologie avec moteur d&apos;IA.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Load AI engine to show LibTorch and CUDA</source>
        <translation>Charger le moteur d&apos;IA pour afficher LibTorch et CUDA</translation>
    </message>
    <message>
        <source>Loading the AI engine…</source>
        <translation>Chargement du moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>AI engine loaded</source>
        <translation>Moteur d&apos;IA chargé</translation>
    </message>
    <message>
        <source>AI engine unavailable</source>
        <translation>Moteur d&apos;IA indisponible</translation>
    </message>
</context>
<context>
    <name>radpath::app::AiDock</name>
    <message>
        <source>AI</source>
        <translation>IA</translation>
    </message>
    <message>
        <source>Check AI engine</source>
        <translation>Vérifier le moteur d&apos;IA</translation>
    </message>
    <message>
        <source>Loading the AI engine…</source>
        <translation>Chargement du moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>Checking the AI engine</source>
        <translation>Vérification du moteur d&apos;IA</translation>
    </message>
    <message>
        <source>loading LibTorch</source>
        <translation>chargement de LibTorch</translation>
    </message>
    <message>
        <source>testing the device</source>
        <translation>test du périphérique</translation>
    </message>
    <message>
        <source>LibTorch %1, CUDA %2, %3 threads.
Device %4: %5 (%6)</source>
        <translation>LibTorch %1, CUDA %2, %3 threads.
Périphérique %4 : %5 (%6)</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>works</source>
        <translation>fonctionne</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>The AI engine is unavailable: %1</source>
        <translation>Le moteur d&apos;IA est indisponible : %1</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>segmentation</translation>
    </message>
    <message>
        <source>tile classification</source>
        <translation>classification de tuiles</translation>
    </message>
    <message>
        <source>%1 %2 (weights %3…) on %4 in %5 s</source>
        <translation>%1 %2 (poids %3…) sur %4 en %5 s</translation>
    </message>
    <message>
        <source>Models shipped with RadPath are demonstrations, not for clinical use.</source>
        <translation>Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Occlusion</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>(demonstration)</source>
        <translation>(démonstration)</translation>
    </message>
    <message>
        <source>%1, version %2
%3
%4</source>
        <translation>%1, version %2
%3
%4</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) in the library. Models shipped with RadPath are demonstrations, not for clinical use.</source>
        <translation>
            <numerusform>%n modèle dans la bibliothèque. Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.</numerusform>
            <numerusform>%n modèles dans la bibliothèque. Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>Inutilisable : %1</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>Exécution de %1</translation>
    </message>
    <message>
        <source>The model did not run: %1</source>
        <translation>Le modèle n&apos;a pas tourné : %1</translation>
    </message>
    <message>
        <source>%1 tiles</source>
        <translation>Tuiles %1</translation>
    </message>
    <message>
        <source>%1 tiles classified</source>
        <translation>%1 tuiles classées</translation>
    </message>
    <message>
        <source>%1 tiles could not be read and were skipped</source>
        <translation>%1 tuiles illisibles ont été ignorées</translation>
    </message>
    <message>
        <source>Explaining with %1</source>
        <translation>Explication par %1</translation>
    </message>
    <message>
        <source>No saliency map: %1</source>
        <translation>Pas de carte de saillance : %1</translation>
    </message>
    <message>
        <source>Adds a saliency map of the selected model as a layer</source>
        <translation>Ajoute une carte de saillance du modèle choisi comme calque</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
    </message>
</context>
<context>
    <name>radpath::app::DataBrowserDock</name>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récents</translation>
    </message>
</context>
<context>
    <name>radpath::app::DocumentController</name>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>Le fichier ou le dossier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>RadPath has no permission to read it.</source>
        <translation>RadPath n&apos;a pas l&apos;autorisation de le lire.</translation>
    </message>
    <message>
        <source>The folder holds no image RadPath can read.</source>
        <translation>Le dossier ne contient aucune image lisible par RadPath.</translation>
    </message>
    <message>
        <source>This is not an image format RadPath can read.</source>
        <translation>Ce n&apos;est pas un format d&apos;image lisible par RadPath.</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobRunner</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Annuler cette tâche</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Annuler la sélection</translation>
    </message>
</context>
<context>
    <name>radpath::app::LayerLoader</name>
    <message>
        <source>Opening label map %1</source>
        <translation>Ouverture de la carte d’étiquettes %1</translation>
    </message>
    <message>
        <source>Opening overlay %1</source>
        <translation>Ouverture de la superposition %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::LayersDock</name>
    <message>
        <source>Layers</source>
        <translation>Calques</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Calque</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacité du calque sélectionné</translation>
    </message>
    <message>
        <source>Move the layer up (drawn over the layers below)</source>
        <translation>Monter le calque (dessiné au-dessus des calques inférieurs)</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Descendre le calque</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Retirer le calque</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Label map</source>
        <translation>Carte d’étiquettes</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Contour</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Double-click a colour to change it</source>
        <translation>Double-cliquer une couleur pour la changer</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposition</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Values below the threshold are not drawn</source>
        <translation>Les valeurs sous le seuil ne sont pas dessinées</translation>
    </message>
    <message>
        <source>Colormap</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Window center</source>
        <translation>Centre de fenêtre</translation>
    </message>
    <message>
        <source>Window width</source>
        <translation>Largeur de fenêtre</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Couleur de %1</translation>
    </message>
    <message>
        <source>Opacity %</source>
        <translation>Opacité %</translation>
    </message>
</context>
<context>
    <name>radpath::app::MainWindow</name>
    <message>
        <source>RadPath</source>
        <translation>RadPath</translation>
    </message>
    <message>
        <source>Open a DICOM folder, a file, or drop one here.</source>
        <translation>Ouvrez un dossier DICOM ou un fichier, ou déposez-le ici.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir un fichier</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Fermer l&apos;onglet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About RadPath</source>
        <translation>À &amp;propos de RadPath</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Cannot open %1
%2</source>
        <translation>Impossible d&apos;ouvrir %1
%2</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <source>&amp;Import DICOM Folder…</source>
        <translation>&amp;Importer un dossier DICOM…</translation>
    </message>
    <message>
        <source>Import DICOM folder</source>
        <translation>Importer un dossier DICOM</translation>
    </message>
    <message>
        <source>DICOM &amp;Tags…</source>
        <translation>&amp;Balises DICOM…</translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation>Fichier DICOM</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <source>1 × 1 (one series per tab)</source>
        <translation>1 × 1 (une série par onglet)</translation>
    </message>
    <message>
        <source>1 × 2 side by side</source>
        <translation>1 × 2 côte à côte</translation>
    </message>
    <message>
        <source>2 × 2 side by side</source>
        <translation>2 × 2 côte à côte</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Open &amp;Label Map…</source>
        <translation>Ouvrir une carte d’é&amp;tiquettes…</translation>
    </message>
    <message>
        <source>Open label map</source>
        <translation>Ouvrir une carte d’étiquettes</translation>
    </message>
    <message>
        <source>Label maps (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</source>
        <translation>Cartes d’étiquettes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Open O&amp;verlay…</source>
        <translation>Ouvrir une s&amp;uperposition…</translation>
    </message>
    <message>
        <source>Open overlay or second volume</source>
        <translation>Ouvrir une superposition ou un second volume</translation>
    </message>
    <message>
        <source>Volumes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</source>
        <translation>Volumes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Open an image first: label maps and overlays are drawn over it.</source>
        <translation>Ouvrez d’abord une image : les cartes d’étiquettes et superpositions sont dessinées par-dessus.</translation>
    </message>
</context>
<context>
    <name>radpath::app::MeasurementStore</name>
    <message>
        <source>The saved measurements of %1 cannot be read: %2</source>
        <translation>Les mesures enregistrées de %1 ne peuvent pas être lues : %2</translation>
    </message>
    <message>
        <source>The measurements of %1 cannot be saved: %2</source>
        <translation>Les mesures de %1 ne peuvent pas être enregistrées : %2</translation>
    </message>
</context>
<context>
    <name>radpath::app::MeasurementsDock</name>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Coupe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export measurements</source>
        <translation>Exporter les mesures</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1
%2</source>
        <translation>Impossible d&apos;écrire %1
%2</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Mean (%1)</source>
        <translation>Moyenne (%1)</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>ÉT</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
</context>
<context>
    <name>radpath::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Slide tile cache</source>
        <translation>Cache des tuiles de lames</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Threads de travail</translation>
    </message>
    <message>
        <source>AI device</source>
        <translation>Périphérique d&apos;IA</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Language and data folder changes take effect at the next start.</source>
        <translation>Les changements de langue et de dossier de données prennent effet au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>radpath::app::StudyBrowserDock</name>
    <message>
        <source>Studies</source>
        <translation>Examens</translation>
    </message>
    <message>
        <source>Search name, ID, date, modality</source>
        <translation>Rechercher nom, ID, date, modalité</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add the DICOM files of a folder to the study database</source>
        <translation>Ajouter les fichiers DICOM d&apos;un dossier à la base des examens</translation>
    </message>
    <message>
        <source>Patient / series</source>
        <translation>Patient / série</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Import DICOM folder</source>
        <translation>Importer un dossier DICOM</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message>
        <source>Double-click to open</source>
        <translation>Double-cliquer pour ouvrir</translation>
    </message>
    <message>
        <source>The study database cannot be read: %1</source>
        <translation>La base des examens ne peut pas être lue : %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::TagBrowserDialog</name>
    <message>
        <source>DICOM tags - %1</source>
        <translation>Balises DICOM – %1</translation>
    </message>
    <message>
        <source>Filter by tag, keyword or value, e.g. 0010 or PatientName</source>
        <translation>Filtrer par balise, mot-clé ou valeur, p. ex. 0010 ou PatientName</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Balise</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::AnnotationPanel</name>
    <message>
        <source>Unclassified</source>
        <translation>Non classé</translation>
    </message>
    <message>
        <source>Filter by class or name</source>
        <translation>Filtrer par classe ou nom</translation>
    </message>
    <message>
        <source>Set class</source>
        <translation>Attribuer la classe</translation>
    </message>
    <message>
        <source>Give the selected annotation the class above</source>
        <translation>Donner à l’annotation sélectionnée la classe ci-dessus</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock or unlock the selected annotation (L)</source>
        <translation>Verrouiller ou déverrouiller l’annotation sélectionnée (L)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1
%2</source>
        <translation>Impossible d’écrire %1
%2</translation>
    </message>
    <message>
        <source>µm²</source>
        <translation>µm²</translation>
    </message>
    <message>
        <source>px²</source>
        <translation>px²</translation>
    </message>
    <message>
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Area (%1)</source>
        <translation>Aire (%1)</translation>
    </message>
    <message>
        <source>Perimeter (%1)</source>
        <translation>Périmètre (%1)</translation>
    </message>
    <message>
        <source>%1: %2, %3 %4</source>
        <translation>%1 : %2, %3 %4</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add the annotations of a QuPath GeoJSON or ASAP XML file</source>
        <translation>Ajouter les annotations d’un fichier QuPath GeoJSON ou ASAP XML</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Write the annotations as QuPath GeoJSON or ASAP XML</source>
        <translation>Écrire les annotations en QuPath GeoJSON ou ASAP XML</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>Annotations (*.geojson *.json *.xml)</source>
        <translation>Annotations (*.geojson *.json *.xml)</translation>
    </message>
    <message>
        <source>Save annotations</source>
        <translation>Enregistrer les annotations</translation>
    </message>
    <message>
        <source>QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)</source>
        <translation>QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)</translation>
    </message>
    <message>
        <source>Classes…</source>
        <translation>Classes…</translation>
    </message>
    <message>
        <source>Add, rename, recolour or remove classes</source>
        <translation>Ajouter, renommer, recolorer ou supprimer des classes</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>Nouvelle classe</translation>
    </message>
    <message>
        <source>New class %1</source>
        <translation>Nouvelle classe %1</translation>
    </message>
    <message>
        <source>Classes not saved: %1</source>
        <translation>Classes non enregistrées : %1</translation>
    </message>
    <message>
        <source>Classes not read: %1</source>
        <translation>Classes non lues : %1</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::SlideDocumentView</name>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>Pivoter de 90°</translation>
    </message>
    <message>
        <source>Turn the slide a quarter turn clockwise (R)</source>
        <translation>Tourner la lame d’un quart de tour dans le sens horaire (R)</translation>
    </message>
    <message>
        <source>Slide info</source>
        <translation>Infos de la lame</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Pick, move and delete annotations; drag elsewhere to pan</source>
        <translation>Choisir, déplacer et supprimer des annotations ; tirer ailleurs pour se déplacer</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Drag a rectangle</source>
        <translation>Tirer un rectangle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag an ellipse</source>
        <translation>Tirer une ellipse</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>Click the corners; double-click or Enter closes</source>
        <translation>Cliquer les sommets ; double-clic ou Entrée pour fermer</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Main levée</translation>
    </message>
    <message>
        <source>Draw the outline with the button held</source>
        <translation>Tracer le contour bouton enfoncé</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinceau</translation>
    </message>
    <message>
        <source>Paint a region, or grow the selected one; Alt erases</source>
        <translation>Peindre une région ou agrandir celle sélectionnée ; Alt efface</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Click to place points</source>
        <translation>Cliquer pour placer des points</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Drag to measure a distance in µm</source>
        <translation>Tirer pour mesurer une distance en µm</translation>
    </message>
    <message>
        <source>Magnification</source>
        <translation>Grossissement</translation>
    </message>
    <message>
        <source>Annotations not saved: %1</source>
        <translation>Annotations non enregistrées : %1</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <source>Pixel size</source>
        <translation>Taille de pixel</translation>
    </message>
    <message>
        <source>%1 × %2 µm</source>
        <translation>%1 × %2 µm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Bounds</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Show a second slide beside this one</source>
        <translation>Afficher une seconde lame à côté</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Liées</translation>
    </message>
    <message>
        <source>Both slides pan, zoom and turn together</source>
        <translation>Les deux lames se déplacent, zooment et tournent ensemble</translation>
    </message>
    <message>
        <source>Compare with slide</source>
        <translation>Comparer avec la lame</translation>
    </message>
    <message>
        <source>Some tiles cannot be read: %1</source>
        <translation>Certaines tuiles ne peuvent pas être lues : %1</translation>
    </message>
    <message>
        <source>Colour (all stains)</source>
        <translation>Couleur (toutes les colorations)</translation>
    </message>
    <message>
        <source>Hematoxylin (H&amp;E)</source>
        <translation>Hématoxyline (H&amp;E)</translation>
    </message>
    <message>
        <source>Eosin (H&amp;E)</source>
        <translation>Éosine (H&amp;E)</translation>
    </message>
    <message>
        <source>Hematoxylin (H-DAB)</source>
        <translation>Hématoxyline (H-DAB)</translation>
    </message>
    <message>
        <source>DAB (H-DAB)</source>
        <translation>DAB (H-DAB)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Luminosité</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Stain</source>
        <translation>Coloration</translation>
    </message>
    <message>
        <source>Annotations not loaded, and new ones not saved over them: %1</source>
        <translation>Annotations non chargées ; les nouvelles ne seront pas enregistrées par-dessus : %1</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::SlideView</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::CropBoxPanel</name>
    <message>
        <source>Right → Left</source>
        <translation>Droite → Gauche</translation>
    </message>
    <message>
        <source>Left → Right</source>
        <translation>Gauche → Droite</translation>
    </message>
    <message>
        <source>Anterior → Posterior</source>
        <translation>Antérieur → Postérieur</translation>
    </message>
    <message>
        <source>Posterior → Anterior</source>
        <translation>Postérieur → Antérieur</translation>
    </message>
    <message>
        <source>Inferior → Superior</source>
        <translation>Inférieur → Supérieur</translation>
    </message>
    <message>
        <source>Superior → Inferior</source>
        <translation>Supérieur → Inférieur</translation>
    </message>
    <message>
        <source>Last slice kept along this axis</source>
        <translation>Dernière coupe conservée sur cet axe</translation>
    </message>
    <message>
        <source>First slice kept along this axis</source>
        <translation>Première coupe conservée sur cet axe</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::SliceGrid</name>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::SliceView</name>
    <message>
        <source>CT brain</source>
        <translation>TDM cerveau</translation>
    </message>
    <message>
        <source>CT subdural</source>
        <translation>TDM sous-dural</translation>
    </message>
    <message>
        <source>CT stroke</source>
        <translation>TDM AVC</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>TDM poumon</translation>
    </message>
    <message>
        <source>CT mediastinum</source>
        <translation>TDM médiastin</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
    <message>
        <source>CT abdomen</source>
        <translation>TDM abdomen</translation>
    </message>
    <message>
        <source>CT liver</source>
        <translation>TDM foie</translation>
    </message>
    <message>
        <source>Full range</source>
        <translation>Plage complète</translation>
    </message>
    <message>
        <source>Im %1/%2</source>
        <translation>Im %1/%2</translation>
    </message>
    <message>
        <source>Pos %1 mm</source>
        <translation>Pos %1 mm</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>VOI LUT %1</source>
        <translation>LUT VOI %1</translation>
    </message>
    <message>
        <source>W %1 L %2</source>
        <translation>L %1 N %2</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Loading the series…</source>
        <translation>Chargement de la série…</translation>
    </message>
    <message>
        <source>(padding)</source>
        <translation>(remplissage)</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>%1 slab %2 mm</source>
        <translation>Coupe épaisse %1 %2 mm</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::TransferFunctionEditor</name>
    <message>
        <source>Drag a point to move it, click to add one, right-click or double-click to remove it.
Double-click the colour bar to choose a colour. The wheel zooms the values.</source>
        <translation>Tirer un point le déplace, un clic en ajoute un, clic droit ou double-clic le retire.
Double-cliquer la barre de couleurs pour choisir une couleur. La molette zoome les valeurs.</translation>
    </message>
    <message>
        <source>Colour of the transfer function</source>
        <translation>Couleur de la fonction de transfert</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::VolumeRenderView</name>
    <message>
        <source>Transfer function preset</source>
        <translation>Préréglage de la fonction de transfert</translation>
    </message>
    <message>
        <source>Shading</source>
        <translation>Ombrage</translation>
    </message>
    <message>
        <source>Light the volume by its gradients</source>
        <translation>Éclairer le volume selon ses gradients</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Rogner</translation>
    </message>
    <message>
        <source>Show only a box of the volume</source>
        <translation>Ne montrer qu’une boîte du volume</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>View from the front (anterior)</source>
        <translation>Vue de face (antérieure)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>View from the back (posterior)</source>
        <translation>Vue de dos (postérieure)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>View from the patient&apos;s left</source>
        <translation>Vue depuis la gauche du patient</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>View from the patient&apos;s right</source>
        <translation>Vue depuis la droite du patient</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>View from above the head (superior)</source>
        <translation>Vue d’au-dessus de la tête (supérieure)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>View from below the feet (inferior)</source>
        <translation>Vue d’en dessous des pieds (inférieure)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Front view, whole volume in sight</source>
        <translation>Vue de face, volume entier visible</translation>
    </message>
    <message>
        <source>Transfer function</source>
        <translation>Fonction de transfert</translation>
    </message>
    <message>
        <source>Show the transfer function editor under the view</source>
        <translation>Afficher l’éditeur de fonction de transfert sous la vue</translation>
    </message>
    <message>
        <source>Save screenshot…</source>
        <translation>Enregistrer une capture…</translation>
    </message>
    <message>
        <source>Save the 3-D image as PNG</source>
        <translation>Enregistrer l’image 3D en PNG</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Enregistrer une capture</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Impossible d’écrire la capture dans %1.</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::VolumeView</name>
    <message>
        <source>Slice</source>
        <translation>Coupe</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Inverser</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Measure a length in mm: drag with the left button</source>
        <translation>Mesurer une longueur en mm : faire glisser avec le bouton gauche</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Ciné</translation>
    </message>
    <message>
        <source>Play the slices or frames as a movie (Space)</source>
        <translation>Lire les coupes ou les images comme un film (Espace)</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Measure an angle: drag the first arm to the vertex, then click the end of the second</source>
        <translation>Mesurer un angle : tirer le premier côté jusqu’au sommet, puis cliquer l’extrémité du second</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Rectangular region: drag from corner to corner</source>
        <translation>Région rectangulaire : tirer d’un coin à l’autre</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Elliptical region: drag across it</source>
        <translation>Région elliptique : tirer en travers</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>Polygonal region: click the corners, double-click or press Enter to close</source>
        <translation>Région polygonale : cliquer les sommets, double-cliquer ou appuyer sur Entrée pour fermer</translation>
    </message>
    <message>
        <source>Resample</source>
        <translation>Rééchantillonner</translation>
    </message>
    <message>
        <source>Put every slice of this gantry-tilted series at its true patient position</source>
        <translation>Placer chaque coupe de cette série inclinée à sa vraie position dans le patient</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>Resampling the slices to their true positions…</source>
        <translation>Rééchantillonnage des coupes à leurs vraies positions…</translation>
    </message>
    <message>
        <source>Views: three planes and 3-D, three planes, one plane, or a slice beside 3-D</source>
        <translation>Vues : trois plans et 3D, trois plans, un plan, ou une coupe à côté de la 3D</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>1×3</source>
        <translation>1×3</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Unique</translation>
    </message>
    <message>
        <source>Slice + 3-D</source>
        <translation>Coupe + 3D</translation>
    </message>
    <message>
        <source>Plane of the single view: the series&apos; own slices or a patient plane</source>
        <translation>Plan de la vue unique : les coupes de la série ou un plan du patient</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquis</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Coronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Réticule</translation>
    </message>
    <message>
        <source>Show the crosshair: click or drag to move it, drag its handles to tilt the planes</source>
        <translation>Afficher le réticule : cliquer ou tirer pour le déplacer, tirer ses poignées pour incliner les plans</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <source>Turn tilted planes back to axial, coronal and sagittal</source>
        <translation>Ramener les plans inclinés en axial, coronal et sagittal</translation>
    </message>
    <message>
        <source>Thick slab: maximum, minimum or mean intensity over the slab</source>
        <translation>Coupe épaisse : intensité maximale, minimale ou moyenne sur l’épaisseur</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Save the view last clicked as a PNG image</source>
        <translation>Enregistrer la dernière vue cliquée en image PNG</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Enregistrer une capture</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
</context>
</TS>
